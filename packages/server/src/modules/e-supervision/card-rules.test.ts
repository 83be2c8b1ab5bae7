import { describe, expect, it } from "vitest";
import { WorkingDayCalendar } from "../reference/calendar.js";
import { type CardRule, type CaseSnapshot, type CaseStep, evaluateCase, isEmptyReason, RULE_PARAMETERS } from "./card-rules.js";

/**
 * Every rule at its boundary on the official 2026 calendar: Sun 20 Sep is a 调休 working day, 25-27 Sep 中秋,
 * 1-7 Oct 国庆, Sat 10 Oct a 调休 working day.
 */
const calendar = WorkingDayCalendar.load();

const RULES: Record<string, CardRule> = {
  acceptance: { code: "ACCEPTANCE_STEP_LIMIT", kind: "step_limit", parameters: { step: "acceptance", workingDays: 5, yellowRemainingDays: 1 }, level: "red", enabled: true, version: 1 },
  pause: { code: "PAUSE_STEP_LIMIT", kind: "step_limit", parameters: { step: "pause", workingDays: 10, yellowRemainingDays: 2 }, level: "red", enabled: true, version: 1 },
  overall: { code: "OVERALL_LIMIT", kind: "overall_limit", parameters: { limit: "governing", yellowRemainingDays: 3 }, level: "red", enabled: true, version: 2 },
  promised: { code: "PROMISED_LIMIT", kind: "overall_limit", parameters: { limit: "promised", yellowRemainingDays: null }, level: "yellow", enabled: true, version: 1 },
  refusal: {
    code: "REFUSAL_WITHOUT_REASON",
    kind: "refusal_without_reason",
    parameters: { minLength: 2, placeholders: ["无", "暂无", "N/A", "见附件"] },
    level: "red",
    enabled: true,
    version: 1,
  },
  late: { code: "LATE_ACCEPTANCE", kind: "late_acceptance", parameters: { workingDays: 5 }, level: "yellow", enabled: true, version: 1 },
  noAcceptance: { code: "COMPLETION_WITHOUT_ACCEPTANCE", kind: "completion_without_acceptance", parameters: {}, level: "red", enabled: true, version: 1 },
  fee: { code: "FEE_ON_FEE_FREE", kind: "fee_on_fee_free", parameters: {}, level: "red", enabled: true, version: 1 },
};

/** A step on a CST date at 10:00, recorded when it happened unless `recordedOn` says otherwise. */
function steps(...list: [type: string, on: string, extra?: { body?: Record<string, unknown>; recordedOn?: string }][]): CaseStep[] {
  const status: Record<string, string> = { receive: "submitted", submit: "submitted", accept: "accepted", refuse: "refused", pause: "paused", resume: "accepted", complete: "completed", send_back: "notified", extend: "accepted", withdraw: "withdrawn" };
  return list.map(([type, on, extra], i) => ({
    seq: i + 1,
    type,
    at: new Date(`${on}T10:00:00+08:00`),
    onDate: on,
    recordedAt: new Date(`${extra?.recordedOn ?? on}T10:00:00+08:00`),
    statusAfter: status[type] ?? "accepted",
    body: extra?.body ?? {},
  }));
}

function snapshot(s: CaseStep[], over: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    caseId: "C1",
    status: s.at(-1)?.statusAfter ?? "notified",
    limits: { statutory: { days: 20, unit: "working_day" }, promisedWorkingDays: 10 },
    steps: s,
    fees: [],
    matter: { code: "ZJ-FGW-002", name: "企业投资项目核准", kind: "administrative_licence", feeFree: true },
    ...over,
  };
}

const cards = (snap: CaseSnapshot, rule: CardRule, today: string) => evaluateCase(snap, [rule], calendar, today).map((c) => c.level);

describe("step limit: receipt to the acceptance decision within 5 working days (行政许可法 第三十二条)", () => {
  // Received Thu 17 Sep: 18, 20 (调休), 21, 22, 23 Sep are the 5 days → due Wed 23 Sep.
  it("an acceptance on the fifth working day is in time; on the sixth it is a red card", () => {
    expect(cards(snapshot(steps(["receive", "2026-09-17"], ["accept", "2026-09-23"])), RULES.acceptance!, "2026-10-12")).toEqual([]);
    const late = evaluateCase(snapshot(steps(["receive", "2026-09-17"], ["accept", "2026-09-24"])), [RULES.acceptance!], calendar, "2026-10-12");
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ ruleCode: "ACCEPTANCE_STEP_LIMIT", level: "red", evidence: { figures: { dueDate: "2026-09-23", usedWorkingDays: 5, open: false } } });
    expect(late[0]!.evidence.steps.map((s) => s.type)).toEqual(["receive", "accept"]);
  });

  it("an open step is yellow with one day left and red once the limit passed; a closed step is never yellow", () => {
    const open = snapshot(steps(["receive", "2026-09-17"]));
    expect(cards(open, RULES.acceptance!, "2026-09-22")).toEqual([]); // 18, 20, 21 used: 2 left
    expect(cards(open, RULES.acceptance!, "2026-09-23")).toEqual(["yellow"]); // 1 left
    expect(cards(open, RULES.acceptance!, "2026-09-24")).toEqual(["red"]);
    // A refusal on the fifth day ends the step in time (the decision may be a refusal or a send-back).
    expect(cards(snapshot(steps(["receive", "2026-09-17"], ["refuse", "2026-09-23", { body: { reason: "不符合产业政策" } }])), RULES.acceptance!, "2026-09-23")).toEqual([]);
  });

  it("holidays do not count: received Thu 24 Sep, due Fri 9 Oct across 中秋 and 国庆; Sat 10 Oct (调休) is late", () => {
    expect(cards(snapshot(steps(["receive", "2026-09-24"], ["accept", "2026-10-09"])), RULES.acceptance!, "2026-10-12")).toEqual([]);
    expect(cards(snapshot(steps(["receive", "2026-09-24"], ["accept", "2026-10-10"])), RULES.acceptance!, "2026-10-12")).toEqual(["red"]);
  });

  it("each receipt after a send-back starts its own window", () => {
    const s = steps(["receive", "2026-09-01"], ["send_back", "2026-09-02", { body: { reason: "补正" } }], ["submit", "2026-09-17"], ["accept", "2026-09-24"]);
    expect(cards(snapshot(s), RULES.acceptance!, "2026-10-12")).toEqual(["red"]);
  });
});

describe("step limit: a pause of at most 10 working days", () => {
  it("resumed on the tenth working day is in time, on the eleventh a red card; a long open pause is yellow then red", () => {
    // Paused Tue 1 Sep: 2, 3, 4, 7, 8, 9, 10, 11, 14, 15 Sep → due Tue 15 Sep.
    const base: Parameters<typeof steps> = [["receive", "2026-08-27"], ["accept", "2026-08-27"], ["pause", "2026-09-01"]];
    expect(cards(snapshot(steps(...base, ["resume", "2026-09-15"])), RULES.pause!, "2026-09-30")).toEqual([]);
    expect(cards(snapshot(steps(...base, ["resume", "2026-09-16"])), RULES.pause!, "2026-09-30")).toEqual(["red"]);
    expect(cards(snapshot(steps(...base)), RULES.pause!, "2026-09-13")).toEqual(["yellow"]); // 2-11 Sep: 8 used, 2 left
    expect(cards(snapshot(steps(...base)), RULES.pause!, "2026-09-11")).toEqual([]); // 7 used, 3 left
    expect(cards(snapshot(steps(...base)), RULES.pause!, "2026-09-16")).toEqual(["red"]);
  });
});

describe("overall limit: the case clock's governing and promised limits", () => {
  // Accepted Thu 27 Aug: 20 working days end Wed 23 Sep (Sun 20 Sep counts); 10 promised end Thu 10 Sep.
  const accepted: Parameters<typeof steps> = [["receive", "2026-08-27"], ["accept", "2026-08-27"]];

  it("completed on the due date: no card; the day after: red, with the clock's figures as evidence", () => {
    expect(cards(snapshot(steps(...accepted, ["complete", "2026-09-23"])), RULES.overall!, "2026-09-30")).toEqual([]);
    const late = evaluateCase(snapshot(steps(...accepted, ["complete", "2026-09-24"])), [RULES.overall!], calendar, "2026-09-30");
    expect(late).toEqual([
      expect.objectContaining({ ruleCode: "OVERALL_LIMIT", ruleVersion: 2, level: "red", evidence: expect.objectContaining({ figures: expect.objectContaining({ dueDate: "2026-09-23", overdue: true, limitDays: 20, phase: "stopped" }) }) }),
    ]);
    expect(late[0]!.evidence.summary).toContain("法定时限20个工作日");
  });

  it("running: yellow with 3 days left, red once overdue", () => {
    const running = snapshot(steps(...accepted));
    expect(cards(running, RULES.overall!, "2026-09-20")).toEqual([]); // 28 Aug-18 Sep: 16 used, 4 left
    expect(cards(running, RULES.overall!, "2026-09-21")).toEqual(["yellow"]); // and 20 Sep: 17 used, 3 left
    expect(cards(running, RULES.overall!, "2026-09-24")).toEqual(["red"]);
  });

  it("a pause stops the clock and an extension moves the limit", () => {
    // Paused 21-28 Sep (neither day counts): 17 used before, 29 Sep after → 2 left on 30 Sep, yellow, not red.
    const paused = snapshot(steps(...accepted, ["pause", "2026-09-21"], ["resume", "2026-09-28"]));
    expect(cards(paused, RULES.overall!, "2026-09-30")).toEqual(["yellow"]);
    expect(cards(snapshot(steps(...accepted)), RULES.overall!, "2026-09-30")).toEqual(["red"]);
    const extended = snapshot(steps(...accepted, ["extend", "2026-09-22", { body: { workingDays: 10 } }]));
    expect(cards(extended, RULES.overall!, "2026-09-24")).toEqual([]);
  });

  it("the promised limit gives its own (yellow) card when passed, and none before", () => {
    expect(cards(snapshot(steps(...accepted, ["complete", "2026-09-10"])), RULES.promised!, "2026-09-30")).toEqual([]);
    expect(cards(snapshot(steps(...accepted, ["complete", "2026-09-11"])), RULES.promised!, "2026-09-30")).toEqual(["yellow"]);
    expect(cards(snapshot(steps(...accepted)), RULES.promised!, "2026-09-10")).toEqual([]);
  });

  it("a case never accepted has no overall clock", () => {
    expect(cards(snapshot(steps(["receive", "2026-08-27"])), RULES.overall!, "2026-12-01")).toEqual([]);
  });
});

describe("refusal without a reason", () => {
  it("blank, whitespace, punctuation, placeholders and one character are no reason; a short real reason is", () => {
    const p = RULE_PARAMETERS.refusal_without_reason.parse(RULES.refusal!.parameters);
    for (const empty of [undefined, "", "   ", "\u3000", "无", "无。", " 暂无 ", "n/a", "见附件", "否", "。。"]) expect(isEmptyReason(empty, p)).toBe(true);
    for (const reason of ["不符", "不符合产业政策", "项目代码核验未通过"]) expect(isEmptyReason(reason, p)).toBe(false);
  });

  it("a stored refusal whose reason says nothing raises the rule's card with the step as evidence", () => {
    const found = evaluateCase(snapshot(steps(["receive", "2026-09-17"], ["refuse", "2026-09-18", { body: { reason: " 无 " } }])), [RULES.refusal!], calendar, "2026-09-18");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: "red", evidence: { steps: [{ type: "refuse", reason: " 无 " }] } });
    expect(cards(snapshot(steps(["receive", "2026-09-17"], ["refuse", "2026-09-18", { body: { reason: "不符合产业政策" } }])), RULES.refusal!, "2026-09-18")).toEqual([]);
  });
});

describe("late acceptance: the acceptance reached the platform more than 5 working days after receipt", () => {
  it("recorded on the fifth working day: none; on the sixth: a card, even when dated earlier (backdated)", () => {
    expect(cards(snapshot(steps(["receive", "2026-09-17"], ["accept", "2026-09-18", { recordedOn: "2026-09-23" }])), RULES.late!, "2026-09-30")).toEqual([]);
    const found = evaluateCase(snapshot(steps(["receive", "2026-09-17"], ["accept", "2026-09-18", { recordedOn: "2026-09-24" }])), [RULES.late!], calendar, "2026-09-30");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: "yellow", evidence: { figures: { recordedOn: "2026-09-24", backdated: true, workingDaysAfterReceipt: 5 } } });
  });
});

describe("completion with no acceptance recorded", () => {
  it("raises a card when no acceptance precedes the completion, and none otherwise", () => {
    const found = evaluateCase(snapshot(steps(["receive", "2026-09-17"], ["complete", "2026-09-18"])), [RULES.noAcceptance!], calendar, "2026-09-18");
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence.steps.map((s) => s.type)).toEqual(["receive", "complete"]);
    expect(cards(snapshot(steps(["receive", "2026-09-17"], ["accept", "2026-09-17"], ["complete", "2026-09-18"])), RULES.noAcceptance!, "2026-09-18")).toEqual([]);
  });
});

describe("a fee on a fee-free matter (行政许可法 第五十八条)", () => {
  const fee = { id: 7, amount: "300.00", item: "审查费", at: new Date("2026-09-18T02:00:00Z") };
  it("a fee on a fee-free matter is a red card with the fee as evidence; on a charged matter or without a fee, none", () => {
    const found = evaluateCase(snapshot(steps(["receive", "2026-09-17"]), { fees: [fee, { ...fee, id: 8, amount: "0.50" }] }), [RULES.fee!], calendar, "2026-09-18");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: "red", evidence: { figures: { total: "300.50", fees: 2 }, fees: [{ id: 7, amount: "300.00", item: "审查费" }, { id: 8 }] } });
    const charged = snapshot(steps(["receive", "2026-09-17"]), { fees: [fee], matter: { code: "X", name: "评估", kind: "assessment", feeFree: false } });
    expect(cards(charged, RULES.fee!, "2026-09-18")).toEqual([]);
    expect(cards(snapshot(steps(["receive", "2026-09-17"])), RULES.fee!, "2026-09-18")).toEqual([]);
  });
});

describe("configuration", () => {
  it("a disabled rule, or one whose stored parameters no longer parse, raises nothing", () => {
    const s = snapshot(steps(["receive", "2026-09-17"], ["complete", "2026-09-18"]));
    expect(cards(s, { ...RULES.noAcceptance!, enabled: false }, "2026-09-18")).toEqual([]);
    expect(cards(snapshot(steps(["receive", "2026-09-17"])), { ...RULES.acceptance!, parameters: { step: "acceptance" } }, "2026-09-30")).toEqual([]);
  });
});
