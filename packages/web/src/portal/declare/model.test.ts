import { declarationSchema } from "@tzxm/shared";
import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { toNamePath } from "../../api/form-errors.js";
import { type DeclareFormValues, fromDraftData, isFormField, stepOfPath, toDeclaration, toDraftData } from "./model.js";

const complete: DeclareFormValues = {
  name: " 年产10万套新能源汽车零部件智能制造项目 ",
  approvalCategory: "verification",
  projectType: "01",
  centralDepartmentCode: "02",
  industryCode: "36",
  unit: { name: "浙江绿能新能源科技有限公司", creditCode: "91330106ma2h3k7l5x", legalRepresentative: "王建国", contactName: "王经理", contactPhone: "0571-88886666" },
  sites: [{ regionCode: "330106", address: "杭州市西湖区三墩镇某路1号" }],
  constructionScale: "新建厂房5万平方米",
  constructionContent: "建设智能化生产车间",
  landAreaHectares: 12.5,
  totalInvestment: 125000,
  governmentFunding: 0.5,
  plannedStart: dayjs("2027-03-01"),
  plannedEnd: dayjs("2029-06-01"),
  industrialPolicyDeclaration: true,
  classified: false,
};

describe("the declaration wizard's model", () => {
  it("keeps a draft in the spec §4 shapes: money as 2-decimal strings in 万元, months as YYYY-MM", () => {
    const draft = toDraftData(complete);
    expect(draft).toMatchObject({ totalInvestment: "125000.00", governmentFunding: "0.50", plannedStart: "2027-03", plannedEnd: "2029-06", landAreaHectares: 12.5 });
    expect(draft).not.toHaveProperty("newConstructionLand");
    // A draft goes through JSON and comes back as the same form values.
    const back = fromDraftData(JSON.parse(JSON.stringify(draft)));
    expect(toDraftData(back)).toEqual(draft);
    expect(back.plannedEnd?.format("YYYY-MM")).toBe("2029-06");
    expect(back.totalInvestment).toBe(125000);
  });

  it("reads whatever a draft holds without failing, leaving the unreadable out", () => {
    expect(fromDraftData(null)).toMatchObject({});
    const odd = fromDraftData({ name: 5, approvalCategory: "other", totalInvestment: "1,000", plannedStart: "2027-13", sites: [null, { regionCode: "330106" }], unit: "x" });
    expect(odd.name).toBeUndefined();
    expect(odd.approvalCategory).toBeUndefined();
    expect(odd.totalInvestment).toBeUndefined();
    expect(odd.plannedStart).toBeUndefined();
    expect(odd.sites).toEqual([{}, { regionCode: "330106" }]);
  });

  it("builds a declaration body the server's own schema accepts, with optional fields only when given", () => {
    const body = toDeclaration(complete);
    const parsed = declarationSchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(body).toMatchObject({ name: "年产10万套新能源汽车零部件智能制造项目", totalInvestment: "125000.00", governmentFunding: "0.50", unit: { creditCode: "91330106MA2H3K7L5X" } });
    const minimal = toDeclaration({ ...complete, landAreaHectares: null, governmentFunding: null, legacyCode: "  " });
    expect(Object.keys(minimal)).not.toContain("landAreaHectares");
    expect(Object.keys(minimal)).not.toContain("governmentFunding");
    expect(Object.keys(minimal)).not.toContain("legacyCode");
    expect(Object.keys(minimal)).not.toContain("newConstructionLand");
  });

  it("finds the step of every field a server error can name, and the form field itself", () => {
    expect(stepOfPath("name")).toBe(0);
    expect(stepOfPath("unit.creditCode")).toBe(1);
    expect(stepOfPath("unit")).toBe(1);
    expect(stepOfPath("sites.0.regionCode")).toBe(2);
    expect(stepOfPath(["plannedEnd"])).toBe(3);
    expect(stepOfPath("classified")).toBe(4);
    expect(stepOfPath("approvingLevel")).toBeUndefined();
    expect(isFormField("unit.creditCode")).toBe(true);
    expect(isFormField("sites.12.address")).toBe(true);
    expect(isFormField("sites")).toBe(true);
    expect(isFormField("unit")).toBe(false);
    expect(isFormField("sites.0.other")).toBe(false);
    expect(toNamePath("sites.0.regionCode")).toEqual(["sites", 0, "regionCode"]);
    expect(toNamePath("unit.creditCode")).toEqual(["unit", "creditCode"]);
  });
});
