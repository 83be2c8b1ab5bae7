import { describe, expect, it } from "vitest";
import { WorkingDayCalendar } from "../reference/calendar.js";
import { dormancyState } from "./filing-dormancy.js";
import { addMonths } from "./periods.js";
import { checkExtensionApplication, extensionDecisionDueOn, lapseState, validityOf } from "./validity-rules.js";

/**
 * Vectors worked by hand from 国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号):
 * 春节 2月15日—23日 放假, 2月14日(六)、2月28日(六) 上班; 劳动节 5月1日—5日, 5月9日(六) 上班;
 * 中秋 9月25日—27日; 国庆 10月1日—7日, 9月20日(日)、10月10日(六) 上班.
 */
const calendar = WorkingDayCalendar.load();

describe("民法典 第二百零一条、第二百零二条: periods in months end on the corresponding day", () => {
  it("2 years from 20 Mar 2024 end 20 Mar 2026; from 29 Feb 2024 (no corresponding day) on 28 Feb 2026", () => {
    expect(addMonths("2024-03-20", 24)).toBe("2026-03-20");
    expect(addMonths("2024-02-29", 24)).toBe("2026-02-28");
    expect(addMonths("2025-08-31", 6)).toBe("2026-02-28");
    expect(addMonths("2024-10-01", 30)).toBe("2027-04-01");
  });
});

describe("核准 validity, 2 years (条例 第十二条; 民法典 第二百零三条 for a last day on a rest day)", () => {
  it("decided 1 Oct 2024: the 2 years would end on National Day, so they end on Thu 8 Oct 2026", () => {
    expect(validityOf(calendar, "2024-10-01")).toMatchObject({ nominalExpiresOn: "2026-10-01", expiresOn: "2026-10-08" });
  });

  it("decided 29 Feb 2024: ends Sat 28 Feb 2026, a make-up working day, which stands", () => {
    expect(validityOf(calendar, "2024-02-29").expiresOn).toBe("2026-02-28");
  });

  it("a last day in a year without official data is not guessed", () => {
    expect(validityOf(calendar, "2026-03-20")).toMatchObject({ nominalExpiresOn: "2028-03-20", expiresOn: null, extensionApplyBy: null, unavailableYear: 2028 });
  });

  it("lapses on the day after the last day, not before (unstarted, no extension)", () => {
    const at = (today: string) => lapseState(calendar, { decisionOn: "2024-10-01", started: false, extension: null, today });
    expect(at("2026-10-07")).toMatchObject({ lapsed: false, lapsesOn: "2026-10-09" });
    expect(at("2026-10-08")).toMatchObject({ lapsed: false, lapsesOn: "2026-10-09" });
    expect(at("2026-10-09")).toMatchObject({ lapsed: true, lapsesOn: "2026-10-09" });
    expect(at("2026-10-10").lapsed).toBe(true);
  });

  it("a started project never lapses; nor one whose timely application awaits the decision", () => {
    expect(lapseState(calendar, { decisionOn: "2024-10-01", started: true, extension: null, today: "2027-01-01" })).toMatchObject({ lapsed: false, holding: "started" });
    const pending = { status: "pending" as const, appliedOn: "2026-08-19", months: 6 };
    expect(lapseState(calendar, { decisionOn: "2024-10-01", started: false, extension: pending, today: "2026-10-20" })).toMatchObject({ lapsed: false, holding: "awaiting_extension_decision" });
  });

  it("an unknown calendar year holds the lapse back instead of guessing", () => {
    expect(lapseState(calendar, { decisionOn: "2025-06-30", started: false, extension: null, today: "2027-08-01" })).toMatchObject({ lapsed: false, holding: "unknown", unavailableYear: 2027 });
  });
});

describe("延期开工: 30 working days before the end, decided within 20, once, at most 1 year (第十二条)", () => {
  // Last day Thu 8 Oct 2026. Counting back working days: 8 Oct; 30, 29, 28 Sep (25-27 中秋); 24-21 Sep; Sun 20 Sep
  // (调休); 18-14, 11-7, 4-1 Sep; 31, 28-24, 21 Aug: Fri 21 Aug is the 30th. The last day of application is Thu 20 Aug.
  const apply = (appliedOn: string, over: Partial<Parameters<typeof checkExtensionApplication>[1]> = {}) =>
    checkExtensionApplication(calendar, { decisionOn: "2024-10-01", appliedOn, months: 12, started: false, previous: null, ...over });

  it("the last day to apply leaves exactly 30 working days", () => {
    expect(validityOf(calendar, "2024-10-01").extensionApplyBy).toBe("2026-08-20");
    expect(calendar.workingDaysBetween("2026-08-20", "2026-10-08")).toBe(30);
    expect(calendar.workingDaysBetween("2026-08-21", "2026-10-08")).toBe(29);
  });

  it("in time the day before and the day of; too late the day after", () => {
    expect(apply("2026-08-19")).toMatchObject({ ok: true });
    expect(apply("2026-08-20")).toMatchObject({ ok: true, decisionDueOn: "2026-09-17" });
    expect(apply("2026-08-21")).toMatchObject({ ok: false, reason: "too_late" });
  });

  it("across the Spring Festival: last day Fri 20 Mar 2026; the 30th working day back is Tue 3 Feb (both make-up Saturdays count)", () => {
    expect(validityOf(calendar, "2024-03-20").extensionApplyBy).toBe("2026-02-02");
    const at = (appliedOn: string) => checkExtensionApplication(calendar, { decisionOn: "2024-03-20", appliedOn, months: 6, started: false, previous: null });
    expect(at("2026-02-01").ok).toBe(true);
    expect(at("2026-02-02").ok).toBe(true);
    expect(at("2026-02-03")).toMatchObject({ ok: false, reason: "too_late" });
  });

  it("the decision is due 20 working days after acceptance: applied Mon 2 Feb 2026 → Fri 6 Mar (14 and 28 Feb count)", () => {
    // 3-6, 9-13, Sat 14 Feb (调休) = 10; 15-23 春节; 24-27, Sat 28 Feb = 15; 2-6 Mar = 20.
    expect(extensionDecisionDueOn(calendar, "2026-02-02")).toBe("2026-03-06");
    expect(extensionDecisionDueOn(calendar, "2026-08-20")).toBe("2026-09-17");
  });

  it("only once, only unstarted, 1 to 12 months", () => {
    expect(apply("2026-06-01", { previous: { status: "refused", appliedOn: "2026-05-01", months: 6, decidedOn: "2026-05-20" } })).toMatchObject({ ok: false, reason: "already_applied" });
    expect(apply("2026-06-01", { started: true })).toMatchObject({ ok: false, reason: "started" });
    expect(apply("2026-06-01", { months: 13 })).toMatchObject({ ok: false, reason: "months_out_of_range" });
    expect(apply("2026-06-01", { months: 0 })).toMatchObject({ ok: false, reason: "months_out_of_range" });
  });

  it("a window in a year without data is refused, never guessed", () => {
    expect(checkExtensionApplication(calendar, { decisionOn: "2026-03-20", appliedOn: "2026-11-28", months: 6, started: false, previous: null })).toMatchObject({ ok: false, reason: "calendar_unavailable", unavailableYear: 2028 });
  });

  it("an approved extension of 6 months moves the last day to Sun 20 Sep 2026 (a make-up working day); lapse the day after", () => {
    const extension = { status: "approved" as const, appliedOn: "2026-01-05", months: 6, decidedOn: "2026-01-20" };
    expect(validityOf(calendar, "2024-03-20", extension)).toMatchObject({ expiresOn: "2026-09-20", extended: true, extensionApplyBy: null });
    expect(lapseState(calendar, { decisionOn: "2024-03-20", started: false, extension, today: "2026-09-20" }).lapsed).toBe(false);
    expect(lapseState(calendar, { decisionOn: "2024-03-20", started: false, extension, today: "2026-09-21" })).toMatchObject({ lapsed: true, lapsesOn: "2026-09-21" });
  });

  it("refused after the end: lapses the day after the refusal", () => {
    const extension = { status: "refused" as const, appliedOn: "2026-08-20", months: 6, decidedOn: "2026-10-12" };
    expect(lapseState(calendar, { decisionOn: "2024-10-01", started: false, extension, today: "2026-10-12" }).lapsed).toBe(false);
    expect(lapseState(calendar, { decisionOn: "2024-10-01", started: false, extension, today: "2026-10-13" })).toMatchObject({ lapsed: true, lapsesOn: "2026-10-13" });
  });
});

describe("filed project 2 years without start or procedure (令2018年第14号 第十五条)", () => {
  const state = (today: string, over: Partial<Parameters<typeof dormancyState>[1]> = {}) =>
    dormancyState(calendar, { filedOn: "2024-10-01", firstActivityOn: null, explainedOn: null, remindedOn: null, today, graceWorkingDays: 20, ...over });

  it("the 2 years end Thu 8 Oct 2026 (National Day moves them); the explanation is due from the day after", () => {
    expect(state("2026-10-07")).toMatchObject({ phase: "running", periodEndsOn: "2026-10-08" });
    expect(state("2026-10-08").phase).toBe("running");
    expect(state("2026-10-09").phase).toBe("explanation_due");
  });

  it("a procedure within the 2 years, even on their last day, meets the rule; one the day after does not", () => {
    expect(state("2026-10-09", { firstActivityOn: "2026-10-08" }).phase).toBe("progressed");
    expect(state("2026-10-09", { firstActivityOn: "2026-10-09" }).phase).toBe("explanation_due");
    expect(state("2026-10-09", { explainedOn: "2026-10-09" }).phase).toBe("explained");
  });

  it("reminded Fri 9 Oct: 20 working days end Thu 5 Nov (Sat 10 Oct counts); delisted from Fri 6 Nov", () => {
    const reminded = (today: string) => state(today, { remindedOn: "2026-10-09" });
    expect(reminded("2026-11-05")).toMatchObject({ phase: "reminded", delistOn: "2026-11-06" });
    expect(reminded("2026-11-06").phase).toBe("delisting_due");
    expect(reminded("2026-11-07").phase).toBe("delisting_due");
    // An explanation after the reminder still saves the filing.
    expect(state("2026-11-06", { remindedOn: "2026-10-09", explainedOn: "2026-11-05" }).phase).toBe("explained");
  });

  it("an end in a year without data: running before the nominal day, unknown after, never guessed", () => {
    const late = (today: string) => dormancyState(calendar, { filedOn: "2025-06-30", firstActivityOn: null, explainedOn: null, remindedOn: null, today, graceWorkingDays: 20 });
    expect(late("2026-11-28")).toMatchObject({ phase: "running", periodEndsOn: null, unavailableYear: 2027 });
    expect(late("2027-07-01")).toMatchObject({ phase: "unknown", unavailableYear: 2027 });
  });
});
