import type { CaseEventType } from "@tzxm/shared";
import type { CaseRow } from "./cases.repository.js";

/**
 * What the unit is told of each step (Art. 14(3): 「将办理情况及时告知项目单位」: receipt, acceptance, handling and
 * completion), in Chinese and English. A transfer between officers is internal and not told.
 */
const TEXT: Partial<Record<CaseEventType, { zh: string; en: string }>> = {
  submit: { zh: "已提交申请材料，等待部门受理", en: "materials submitted; awaiting acceptance" },
  receive: { zh: "部门已收件", en: "received by the department" },
  accept: { zh: "部门已受理，办理时限开始计算", en: "accepted; the time limit runs" },
  refuse: { zh: "部门不予受理", en: "acceptance refused" },
  send_back: { zh: "申请材料被退回，请补正后重新提交", en: "materials sent back for correction" },
  pause: { zh: "办理中止计时", en: "clock paused" },
  resume: { zh: "恢复计时", en: "clock resumed" },
  extend: { zh: "办理时限经负责人批准延长", en: "time limit extended with a leader's approval" },
  complete: { zh: "已办结", en: "completed" },
  withdraw: { zh: "办件已撤回", en: "withdrawn" },
};

function detailText(type: CaseEventType, d: Record<string, unknown>): { zh: string; en: string } {
  const reason = typeof d.reason === "string" ? d.reason : "";
  switch (type) {
    case "refuse":
    case "send_back":
    case "withdraw":
    case "pause":
      return { zh: reason ? `理由：${reason}` : "", en: reason ? `Reason: ${reason}` : "" };
    case "extend":
      return { zh: `延长 ${d.workingDays} 个工作日，理由：${reason}`, en: `Extended by ${d.workingDays} working days. Reason: ${reason}` };
    case "complete":
      return {
        zh: `结果：${d.result === "granted" ? "准予" : "不予"}；文号：${d.documentNumber}；${d.documentTitle}`,
        en: `Result: ${d.result}; document ${d.documentNumber}: ${d.documentTitle}`,
      };
    case "transfer":
      return d.toDepartment ? { zh: `已转至${d.toDepartment}办理`, en: `Transferred to ${d.toDepartment}` } : { zh: "", en: "" };
    default:
      return { zh: "", en: "" };
  }
}

export function messagesForStep(type: CaseEventType, c: CaseRow, details: Record<string, unknown>, at: Date, byUnit = false) {
  if (type === "transfer" && !details.toDepartment) return [];
  const text = TEXT[type] ?? { zh: "办件已转办", en: "transferred" };
  const extra = detailText(type, details);
  const toUnit = [
    {
      user_id: null,
      organisation_id: c.unit_organisation_id,
      kind: `case.${type}`,
      subject: c.id,
      title: `${c.matter_name}：${text.zh}`,
      title_en: `${c.matter_code}: ${text.en}`,
      body: [`项目 ${c.project_code}（${c.project_name}）`, extra.zh].filter(Boolean).join("；"),
      body_en: [`Project ${c.project_code}`, extra.en].filter(Boolean).join(". "),
      created_at: at,
    },
  ];
  return byUnit ? [...toUnit, ...toDepartment(type, c, details, at)] : toUnit;
}

/** What the unit does itself (submission, withdrawal) is told to the handling officer, or else the department. */
function toDepartment(type: CaseEventType, c: CaseRow, details: Record<string, unknown>, at: Date) {
  const what = type === "submit" ? { zh: "项目单位已提交申请材料", en: "the unit submitted its materials" } : { zh: "项目单位已撤回申请", en: "the unit withdrew its application" };
  const reason = typeof details.reason === "string" ? details.reason : "";
  return [
    {
      user_id: c.officer_id,
      organisation_id: c.officer_id === null ? c.department_id : null,
      kind: `case.${type}_by_unit`,
      subject: c.id,
      title: `${c.matter_name}：${what.zh}`,
      title_en: `${c.matter_code}: ${what.en}`,
      body: [`项目 ${c.project_code}（${c.project_name}）`, reason ? `理由：${reason}` : ""].filter(Boolean).join("；"),
      body_en: [`Project ${c.project_code}`, reason ? `Reason: ${reason}` : ""].filter(Boolean).join(". "),
      created_at: at,
    },
  ];
}
