import { z } from "zod";
import { cstDate } from "../../../platform/clock.js";

/**
 * 备案证明 (filing certificate) particulars: what the certificate says, as plain text rows, built from the
 * project's latest declaration version. Pure: the service looks up names, the renderer lays out the rows.
 */

export const CERTIFICATE_TITLE = "企业投资项目备案证明";
export const CERTIFICATE_NOTE = "本证明由投资项目在线审批监管平台自动生成，可扫描二维码或凭项目代码在平台查询核验";
/** Shown for a particular that the stored declaration lacks (e.g. an imported legacy record). */
export const MISSING = "—";

/**
 * The part of a stored declaration that the certificate reads. Lenient on purpose: a version written under
 * older rules, or imported, still yields a certificate, with "—" where something is missing.
 */
const storedDeclaration = z
  .object({
    name: z.string(),
    unit: z.object({ name: z.string(), creditCode: z.string(), legalRepresentative: z.string() }).partial(),
    sites: z.array(z.object({ regionCode: z.string(), address: z.string() }).partial()),
    industryCode: z.string(),
    constructionScale: z.string(),
    constructionContent: z.string(),
    totalInvestment: z.string(),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    landAreaHectares: z.number(),
  })
  .partial();
export type StoredDeclaration = z.output<typeof storedDeclaration>;

/** Reads what can be read of a stored declaration; a field of the wrong shape counts as missing. */
export function readStoredDeclaration(data: unknown): StoredDeclaration {
  if (typeof data !== "object" || data === null) return {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(storedDeclaration.shape)) {
    const parsed = field.safeParse((data as Record<string, unknown>)[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as StoredDeclaration;
}

/** A 万元 amount (spec §1: a decimal string, at most 2 decimals) with exactly two decimals: "125000" → "125000.00 万元". */
export function formatWanYuan(amount: string | undefined): string {
  const m = amount === undefined ? null : /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return amount?.trim() || MISSING;
  const whole = m[1]!.replace(/^0+(?=\d)/, "");
  return `${whole}.${(m[2] ?? "").padEnd(2, "0")} 万元`;
}

/** "2027-03" → "2027年3月"; anything else is shown as given. */
export function formatYearMonth(value: string | undefined): string {
  const m = value === undefined ? null : /^(\d{4})-(\d{2})$/.exec(value);
  return m ? `${m[1]}年${Number(m[2])}月` : value || MISSING;
}

/** The calendar date of an instant in China Standard Time, written the Chinese way: "2026年1月5日". */
export function formatCstDate(at: Date): string {
  const [y, m, d] = cstDate(at).split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** A region's full name without separators, as an address is written: "浙江省 杭州市 西湖区" → "浙江省杭州市西湖区". */
export function compactRegionName(fullName: string): string {
  return fullName.split(/\s+/).join("");
}

/** The construction sites, one a line, numbered when there are several: region name, then the address. */
export function formatSites(sites: StoredDeclaration["sites"], regionNames: ReadonlyMap<string, string>): string {
  const lines = (sites ?? []).map((s) => {
    const region = s.regionCode ? (regionNames.get(s.regionCode) ?? s.regionCode) : "";
    return [region, s.address?.trim() ?? ""].filter(Boolean).join(" ") || MISSING;
  });
  if (lines.length === 0) return MISSING;
  return lines.length === 1 ? lines[0]! : lines.map((l, i) => `${i + 1}. ${l}`).join("\n");
}

export function certificateFileName(code: string): string {
  return `备案证明-${code}.pdf`;
}

export interface CertificateInput {
  code: string;
  /** The project's name and unit as recorded on the project, used when the declaration lacks them. */
  projectName: string;
  unitName: string;
  unitCreditCode: string | null;
  declaration: StoredDeclaration;
  /** Full names of the sites' regions by code, already compacted. */
  regionNames: ReadonlyMap<string, string>;
  /** The industry as text, e.g. "汽车制造业（36）". */
  industry: string;
  filedAt: Date;
  /** PLATFORM_NAME: the platform that filed the project. */
  authority: string;
  publicUrl: string;
}

export interface CertificateRow {
  label: string;
  value: string;
}

export interface Certificate {
  title: string;
  code: string;
  rows: CertificateRow[];
  authority: string;
  filedOn: string;
  note: string;
  publicUrl: string;
}

/** Everything the certificate shows, in order. */
export function buildCertificate(input: CertificateInput): Certificate {
  const d = input.declaration;
  const text = (v: string | undefined) => v?.trim() || MISSING;
  const filedOn = formatCstDate(input.filedAt);
  const rows: CertificateRow[] = [
    { label: "项目代码", value: input.code },
    { label: "项目名称", value: text(d.name ?? input.projectName) },
    { label: "项目单位", value: text(d.unit?.name ?? input.unitName) },
    { label: "统一社会信用代码", value: text(d.unit?.creditCode ?? input.unitCreditCode ?? undefined) },
    { label: "法定代表人", value: text(d.unit?.legalRepresentative) },
    { label: "建设地点", value: formatSites(d.sites, input.regionNames) },
    { label: "所属行业", value: text(input.industry) },
    { label: "建设规模", value: text(d.constructionScale) },
    { label: "建设内容", value: text(d.constructionContent) },
    ...(d.landAreaHectares !== undefined ? [{ label: "用地面积", value: `${d.landAreaHectares} 公顷` }] : []),
    { label: "项目总投资", value: formatWanYuan(d.totalInvestment) },
    { label: "计划开工时间", value: formatYearMonth(d.plannedStart) },
    { label: "计划竣工时间", value: formatYearMonth(d.plannedEnd) },
    { label: "备案日期", value: filedOn },
    { label: "备案机关", value: input.authority },
  ];
  return { title: CERTIFICATE_TITLE, code: input.code, rows, authority: input.authority, filedOn, note: CERTIFICATE_NOTE, publicUrl: input.publicUrl };
}
