import type { Certificate } from "../projects/certificate/particulars.js";

/**
 * 办结告知书 (Art. 14: when the matters are done the platform tells the unit the results): what it shows, in
 * order. Pure, so that its content is tested without drawing; the drawing reuses the certificate's A4 layout.
 */
export interface NoticeMatter {
  matterName: string;
  department: string;
  result: "granted" | "denied" | null;
  documentNumber: string | null;
  documentTitle: string | null;
  completedOn: string | null;
  status: string;
}

export interface NoticeInput {
  code: string;
  projectName: string;
  unitName: string;
  approvedOn: string | null;
  authority: string;
  publicUrl: string;
  matters: NoticeMatter[];
}

const RESULT = { granted: "准予（同意）", denied: "不予（不同意）" } as const;

function cnDate(iso: string | null): string {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function buildCompletionNotice(input: NoticeInput): Certificate {
  const done = input.matters.filter((m) => m.status === "completed");
  const rows = [
    { label: "项目名称", value: input.projectName },
    { label: "项目单位", value: input.unitName },
    { label: "办结事项", value: `共 ${done.length} 项，均已办结` },
    ...done.map((m, i) => ({
      label: `${i + 1}. ${m.matterName}`,
      value: [
        `审批部门：${m.department}`,
        `办理结果：${m.result ? RESULT[m.result] : "—"}`,
        `批准文号：${m.documentNumber ?? "—"}`,
        `文件标题：${m.documentTitle ?? "—"}`,
        `办结日期：${cnDate(m.completedOn)}`,
      ].join("\n"),
    })),
  ];
  const withdrawn = input.matters.filter((m) => m.status === "withdrawn");
  if (withdrawn.length > 0) rows.push({ label: "已撤回事项", value: withdrawn.map((m) => `${m.matterName}（${m.department}）`).join("\n") });
  return {
    title: "投资项目审批事项办结告知书",
    code: input.code,
    rows,
    authority: input.authority,
    filedOn: cnDate(input.approvedOn),
    note: "依据《全国投资项目在线审批监管平台运行管理暂行办法》第十四条，项目所告知的应办审批事项均已办结，特此告知。批准文件以各审批部门出具的正式文件为准；可凭项目代码在平台查询核验。",
    publicUrl: input.publicUrl,
  };
}
