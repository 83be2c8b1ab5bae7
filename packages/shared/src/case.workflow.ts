/**
 * A matter case's life (办件, spec §5 MatterCaseStatus and §6 events) as a pure state machine, shared by the
 * server (which enforces it) and the web (which offers only the allowed actions). Art. 14(2)-(3) of the
 * regulation: the department verifies the project code and accepts (受理) or refuses acceptance (不予受理);
 * handles the matter, pausing its clock for steps outside the time limit; and completes it (办结); every step is
 * told to the unit. The clock itself is computed elsewhere (working-day-clock.ts) from the steps this machine
 * allowed.
 */
export const CASE_STATUSES = ["notified", "submitted", "accepted", "paused", "refused", "completed", "withdrawn"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Status names: the server's messages and the web's Chinese texts (i18n/zh.ts) both take them from here. */
export const CASE_STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  notified: { zh: "告知应办", en: "notified" },
  submitted: { zh: "已收件", en: "submitted" },
  accepted: { zh: "已受理", en: "accepted" },
  paused: { zh: "暂停计时", en: "paused" },
  refused: { zh: "不予受理", en: "refused" },
  completed: { zh: "已办结", en: "completed" },
  withdrawn: { zh: "已撤回", en: "withdrawn" },
};

/** Step types of spec §6, plus the platform's own: the unit's submission, transfer (转办) and send-back (退回). */
export const CASE_EVENT_TYPES = [
  "submit",
  "receive",
  "accept",
  "refuse",
  "send_back",
  "transfer",
  "pause",
  "resume",
  "extend",
  "complete",
  "withdraw",
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** Reason classes of a pause (spec §6); a matter lists the ones its laws allow (e.g. 行政许可法 第四十五条). */
export const PAUSE_REASON_CLASS_IDS = ["supplement", "expert_review", "hearing", "public_notice", "intermediary", "site_inspection", "other"] as const;
export type PauseReasonClassId = (typeof PAUSE_REASON_CLASS_IDS)[number];

/**
 * Who takes a step: the project unit (项目单位), a department's officer (经办人) or leader (负责人), or a department's
 * own business system through the exchange interface (which acts for the department and reports its leader's
 * decisions, as Art. 17 has departments' systems exchange with the platform).
 */
export type CaseActor = "unit" | "officer" | "leader" | "department_system";

const DEPARTMENT: readonly CaseActor[] = ["officer", "leader", "department_system"];

interface Rule {
  from: readonly CaseStatus[];
  /** "same": the status does not change (transfer, extension). */
  to: CaseStatus | "same";
  actors: readonly CaseActor[];
}

const RULES: Record<CaseEventType, Rule> = {
  // The unit submits its materials (spec §6: "A case becomes `submitted` when the unit submits its materials").
  submit: { from: ["notified"], to: "submitted", actors: ["unit"] },
  // 收件 of materials that reached the department by another channel (counter, post).
  receive: { from: ["notified"], to: "submitted", actors: DEPARTMENT },
  accept: { from: ["submitted"], to: "accepted", actors: DEPARTMENT },
  refuse: { from: ["submitted"], to: "refused", actors: DEPARTMENT },
  // 退回: materials returned to the unit before acceptance; the unit corrects and submits again.
  send_back: { from: ["submitted"], to: "notified", actors: DEPARTMENT },
  // 转办: to another officer or department; the case and its clock go on as they were.
  transfer: { from: ["submitted", "accepted", "paused"], to: "same", actors: DEPARTMENT },
  pause: { from: ["accepted"], to: "paused", actors: DEPARTMENT },
  resume: { from: ["paused"], to: "accepted", actors: DEPARTMENT },
  // 延长: only with a leader's approval (行政许可法 第四十二条: 「经本行政机关负责人批准」).
  extend: { from: ["accepted", "paused"], to: "same", actors: ["leader", "department_system"] },
  complete: { from: ["accepted"], to: "completed", actors: DEPARTMENT },
  withdraw: { from: ["notified", "submitted", "accepted", "paused"], to: "withdrawn", actors: ["unit", ...DEPARTMENT] },
};

export type CaseTransition =
  | { ok: true; next: CaseStatus }
  | { ok: false; reason: "status"; allowedFrom: readonly CaseStatus[] }
  | { ok: false; reason: "actor"; allowedActors: readonly CaseActor[] };

export function applyCaseEvent(current: CaseStatus, event: CaseEventType, actor: CaseActor): CaseTransition {
  const rule = RULES[event];
  if (!rule.actors.includes(actor)) return { ok: false, reason: "actor", allowedActors: rule.actors };
  if (!rule.from.includes(current)) return { ok: false, reason: "status", allowedFrom: rule.from };
  return { ok: true, next: rule.to === "same" ? current : rule.to };
}

/** The steps `actor` may take on a case in `status` (the buttons the workbench shows). */
export function allowedCaseEvents(status: CaseStatus, actor: CaseActor): CaseEventType[] {
  return CASE_EVENT_TYPES.filter((e) => applyCaseEvent(status, e, actor).ok);
}

/** Closed cases take no more steps. */
export function isCaseClosed(status: CaseStatus): boolean {
  return status === "refused" || status === "completed" || status === "withdrawn";
}

/** What the clock hears of a step (working-day-clock.ts ClockEvent types), or null when the clock ignores it. */
export function clockEffectOf(event: CaseEventType, before: CaseStatus): "start" | "pause" | "resume" | "extend" | "stop" | null {
  switch (event) {
    case "accept":
      return "start";
    case "pause":
      return "pause";
    case "resume":
      return "resume";
    case "extend":
      return "extend";
    case "complete":
      return "stop";
    case "withdraw":
      return before === "accepted" || before === "paused" ? "stop" : null;
    default:
      return null;
  }
}
