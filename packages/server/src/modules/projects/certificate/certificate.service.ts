import type { Kysely, Transaction } from "kysely";
import type { Config } from "../../../config/env.js";
import type { DB } from "../../../db/schema.js";
import { now } from "../../../platform/clock.js";
import { DomainError } from "../../../platform/errors.js";
import type { AuditActor } from "../../audit/audit.catalogue.js";
import { recordAudit } from "../../audit/audit.service.js";
import type { AuthUser } from "../../identity/request-user.js";
import { getRegion, requireIndustry } from "../../reference/reference.service.js";
import { projectPublicUrl, qrPng } from "../label.js";
import * as repo from "../projects.repository.js";
import { buildCertificate, type Certificate, compactRegionName, readStoredDeclaration } from "./particulars.js";
import { renderFilingCertificate } from "./pdf.js";

/** Names of the sites' regions, compacted ("浙江省杭州市西湖区"); a code the table lacks is shown as the code. */
async function regionNames(tx: Transaction<DB>, codes: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const code of new Set(codes)) {
    const region = await getRegion(tx, code).catch(() => undefined);
    names.set(code, region ? compactRegionName(region.fullName) : code);
  }
  return names;
}

/**
 * The industry as text. GB/T 4754 groups and classes are not loaded yet, so a finer code is named by its
 * division (大类), as the declaration check accepts it: "汽车制造业（36）", or "3612（属汽车制造业）".
 */
async function industryText(tx: Transaction<DB>, code: string | undefined): Promise<string | undefined> {
  if (!code) return undefined;
  const exact = await requireIndustry(tx, code, "industryCode").catch(() => undefined);
  if (exact) return `${exact.name}（${code}）`;
  const division = /^\d{3,4}$/.test(code) ? await requireIndustry(tx, code.slice(0, 2), "industryCode").catch(() => undefined) : undefined;
  return division ? `${code}（属${division.name}）` : code;
}

/**
 * 备案证明 (《企业投资项目核准和备案管理办法》第40条): a filing is complete once its information is in, and the
 * unit may print proof of it. Only a project in the caller's scope (else 404), filed as a 备案 project and
 * still in status `filed` (else 409 NOT_A_FILING), has one. The particulars are those of the latest version.
 * Reading them and recording the download (痕迹管理, Art. 4) happen in ONE transaction; the PDF is drawn after.
 */
export async function filingCertificate(
  ctx: { db: Kysely<DB>; config: Config },
  user: AuthUser,
  code: string,
  actor: AuditActor,
): Promise<{ code: string; pdf: Buffer }> {
  const cert: Certificate = await ctx.db.transaction().execute(async (tx) => {
    const p = await repo.findInScope(tx, user.scope, code);
    if (!p) throw new DomainError("NOT_FOUND");
    if (p.approval_category !== "filing" || p.status !== "filed") {
      throw new DomainError("NOT_A_FILING", {
        fields: [
          {
            path: "code",
            message: p.approval_category !== "filing" ? "该项目不是备案类项目" : "该项目当前不处于已备案状态",
            messageEn: p.approval_category !== "filing" ? "The project is not a filing (备案) project" : `The project's status is ${p.status}, not filed`,
          },
        ],
      });
    }
    const version = await repo.latestVersion(tx, p.id);
    const declaration = readStoredDeclaration(version?.data);
    const sites = (declaration.sites ?? []).flatMap((s) => (s.regionCode ? [s.regionCode] : []));
    const built = buildCertificate({
      code: p.code,
      projectName: p.name,
      unitName: p.unit_name,
      unitCreditCode: p.unit_credit_code,
      declaration,
      regionNames: await regionNames(tx, sites),
      industry: (await industryText(tx, declaration.industryCode)) ?? "",
      filedAt: p.declared_at,
      authority: ctx.config.PLATFORM_NAME,
      publicUrl: projectPublicUrl(ctx.config.PUBLIC_BASE_URL, p.code),
    });
    await recordAudit(tx, { type: "project.certificate_downloaded", actor, subject: p.code, regionCode: p.region_code, payload: { code: p.code } });
    return built;
  });
  const pdf = await renderFilingCertificate(cert, { qrPng: await qrPng(cert.publicUrl), createdAt: now() });
  return { code: cert.code, pdf };
}
