/**
 * Shared test data: the demo project unit and a complete, valid declaration (spec §4) that each test varies
 * with overrides, so that a change to the declaration's rules is made in one place.
 */
import { DEMO_ORGANISATIONS } from "../src/demo/demo-data.js";
import { creditCodeCheckCharacter } from "../src/modules/reference/credit-code.js";

const unit = DEMO_ORGANISATIONS.find((o) => o.kind === "project_unit")!;
export const DEMO_UNIT_NAME = unit.name;
export const DEMO_UNIT_CREDIT_CODE = `${unit.creditCodeStem}${creditCodeCheckCharacter(unit.creditCodeStem!)}`;

export function sampleDeclaration(over: Record<string, unknown> = {}) {
  return {
    name: "年产10万套新能源汽车零部件智能制造项目",
    approvalCategory: "verification" as const,
    projectType: "01",
    centralDepartmentCode: "02",
    unit: { name: DEMO_UNIT_NAME, creditCode: DEMO_UNIT_CREDIT_CODE, legalRepresentative: "王建国", contactName: "王经理", contactPhone: "0571-88886666" },
    sites: [{ regionCode: "330106", address: "杭州市西湖区三墩镇某路1号" }],
    industryCode: "36",
    constructionScale: "新建厂房5万平方米，购置生产线8条",
    constructionContent: "建设智能化生产车间、仓储及配套设施",
    totalInvestment: "125000.00",
    plannedStart: "2027-03",
    plannedEnd: "2029-06",
    industrialPolicyDeclaration: true as const,
    classified: false,
    ...over,
  };
}
