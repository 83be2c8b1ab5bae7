import { describe, expect, it } from "vitest";
import { type MatterBody, masterProblems } from "./matters-admin.service.js";

const base: MatterBody = {
  name: "企业投资项目核准",
  departmentId: 1,
  kind: "administrative_licence",
  stage: "land_planning",
  statutoryWorkingDays: 20,
  statutoryCalendarDays: null,
  statutorySource: "《企业投资项目核准和备案管理条例》第十一条",
  extendableWorkingDays: null,
  extensionSource: null,
  promisedWorkingDays: 10,
  promisedSource: "承诺",
  pauseReasonClasses: ["supplement"],
  signOffMode: "none",
  reason: "调整",
};
const paths = (b: Partial<MatterBody>) => masterProblems({ ...base, ...b }).map((p) => p.path);

describe("matter master-data checks (事项主数据)", () => {
  it("accepts consistent master data", () => {
    expect(paths({})).toEqual([]);
    expect(paths({ statutoryWorkingDays: null, statutoryCalendarDays: 30, promisedWorkingDays: 21 })).toEqual([]);
    expect(paths({ statutoryWorkingDays: null, statutorySource: "无法定时限，按省政府承诺" })).toEqual([]);
  });

  it("refuses a promised limit above the statutory one, in either unit", () => {
    expect(paths({ promisedWorkingDays: 21 })).toEqual(["promisedWorkingDays"]);
    expect(paths({ statutoryWorkingDays: null, statutoryCalendarDays: 30, promisedWorkingDays: 22 })).toEqual(["promisedWorkingDays"]);
  });

  it("wants one unit, a source for no limit, an extension with its source, and no repeated pause class", () => {
    expect(paths({ statutoryCalendarDays: 30 })).toEqual(["statutoryCalendarDays"]);
    expect(paths({ statutoryWorkingDays: null })).toEqual(["statutorySource"]);
    expect(paths({ extendableWorkingDays: 10 })).toEqual(["extensionSource"]);
    expect(paths({ pauseReasonClasses: ["supplement", "supplement"] })).toEqual(["pauseReasonClasses"]);
    expect(masterProblems({ ...base, promisedWorkingDays: 21 })[0]?.message).toBe("承诺时限不得超过法定时限");
  });
});
