import { declarationSchema } from "@tzxm/shared";
import type { Kysely } from "kysely";
import type { Config } from "../config/env.js";
import type { DB } from "../db/schema.js";
import { cstDate } from "../platform/clock.js";
import { systemActor } from "../modules/audit/audit.catalogue.js";
import { type StepActor, type StepInput, takeStep } from "../modules/cases/cases.service.js";
import { notifyRequiredMatters } from "../modules/catalogue/notification.service.js";
import { toAuthUser } from "../modules/identity/identity.service.js";
import { findUserByUsername } from "../modules/identity/identity.repository.js";
import { declareProject } from "../modules/projects/declaration.service.js";
import type { WorkingDayCalendar } from "../modules/reference/calendar.js";
import { creditCodeCheckCharacter } from "../modules/reference/credit-code.js";
import { DEMO_ORGANISATIONS } from "./demo-data.js";

/**
 * Sample projects with cases in every state, so that a fresh demo shows a living workbench, warnings, the
 * parallel view, a completion notice and disclosed results: one 核准 project under way (one case overdue, one
 * due soon, one paused for expert review, one not yet submitted) and one 备案 project whose matters are all done.
 * Steps are dated in the past relative to today, and the projects' declaration dates are moved back to match.
 * Loaded once, into an embedded demo database only.
 *
 * 电子监察 cards the demo means to show (the supervisor's dashboard has a red card and yellow ones): the lateness of
 * the two cases made late on purpose — ZJ-FGW-002, overdue: OVERALL_LIMIT red and PROMISED_LIMIT yellow (its
 * promised 10 working days passed long ago); ZJ-ZRZY-001, 2 days left: OVERALL_LIMIT yellow and PROMISED_LIMIT
 * yellow. Nothing else: each step is recorded as of its own time (as if the departments' systems had reported it
 * then), not today, else LATE_ACCEPTANCE would card every backdated acceptance.
 */
const unit = DEMO_ORGANISATIONS.find((o) => o.kind === "project_unit")!;
const creditCode = `${unit.creditCodeStem}${creditCodeCheckCharacter(unit.creditCodeStem!)}`;

function declaration(over: Record<string, unknown>) {
  return {
    name: "示例：年产20万套新能源汽车电驱系统项目",
    approvalCategory: "verification" as const,
    projectType: "01",
    centralDepartmentCode: "02",
    unit: { name: unit.name, creditCode, legalRepresentative: "王建国", contactName: "王经理", contactPhone: "0571-88886666" },
    sites: [{ regionCode: "330106", address: "杭州市西湖区三墩镇示例路1号" }],
    industryCode: "36",
    constructionScale: "新建厂房6万平方米，购置生产线10条",
    constructionContent: "建设电驱系统智能化生产车间、仓储及配套设施",
    totalInvestment: "186000.00",
    plannedStart: "2027-06",
    plannedEnd: "2029-12",
    industrialPolicyDeclaration: true as const,
    classified: false,
    newConstructionLand: true,
    landAreaHectares: 9.5,
    environmentalCategory: "report",
    ...over,
  };
}

export async function seedDemoCases(config: Config, db: Kysely<DB>, calendar: WorkingDayCalendar): Promise<boolean> {
  const any = await db.selectFrom("case_event").select("id").limit(1).executeTakeFirst();
  if (any) return false;
  const today = cstDate();
  /** The working day `n` working days before today (counted as the clock counts). */
  const workingDaysAgo = (n: number): string => {
    let d = new Date(`${today}T00:00:00Z`);
    let counted = 0;
    while (counted < n) {
      d = new Date(d.getTime() - 86_400_000);
      if (calendar.dayInfo(d.toISOString().slice(0, 10)).workingDay) counted += 1;
    }
    return d.toISOString().slice(0, 10);
  };
  const at = (date: string, hour = 10) => `${date}T${String(hour).padStart(2, "0")}:00:00+08:00`;

  const actors = new Map<string, StepActor>();
  for (const username of ["demo-unit", "demo-officer-fgw", "demo-officer-zrzy", "demo-officer-sthj", "demo-officer-zjw", "demo-leader-fgw"]) {
    const u = await findUserByUsername(db, username);
    if (!u) return false;
    actors.set(username, { kind: "user", user: toAuthUser(config, u, { id: "demo-seed", csrf_token: "" }), audit: { ...systemActor(`demo-seed:${username}`), userId: u.id } });
  }
  const who = (name: string) => actors.get(name)!;
  const owner = who("demo-unit");
  if (owner.kind !== "user") return false;
  const ctx = { db, calendar, warnDays: config.CASE_WARN_WORKING_DAYS, recordedAt: (stepAt: Date) => stepAt };
  const step = (actor: string, caseId: string, input: StepInput) => takeStep(ctx, who(actor), caseId, input);

  const declare = async (over: Record<string, unknown>, declaredOn: string) => {
    const result = await declareProject({ db, config, notifier: notifyRequiredMatters }, owner.user, declarationSchema.parse(declaration(over)), owner.audit);
    await db.updateTable("project").set({ declared_at: new Date(at(declaredOn, 9)) }).where("code", "=", result.code).execute();
    await db.updateTable("matter_case").set({ notified_at: new Date(at(declaredOn, 9)) }).where("project_id", "=", db.selectFrom("project").select("id").where("code", "=", result.code)).execute();
    return new Map(result.requiredMatters.map((m) => [m.matterCode, m.caseId]));
  };

  // 1. A 核准 project under way in parallel.
  const start = workingDaysAgo(26);
  const p1 = await declare({}, start);
  const accept = async (officer: string, matter: string, daysAgo: number) => {
    const caseId = p1.get(matter);
    if (!caseId) return undefined;
    await step(officer, caseId, { type: "receive", at: at(workingDaysAgo(daysAgo + 1)) });
    await step(officer, caseId, { type: "accept", at: at(workingDaysAgo(daysAgo)) });
    return caseId;
  };
  await accept("demo-officer-fgw", "ZJ-FGW-002", 22); // 20 working days: overdue (red)
  await accept("demo-officer-zrzy", "ZJ-ZRZY-001", 18); // 2 days left (yellow)
  const eia = await accept("demo-officer-sthj", "ZJ-STHJ-001", 12);
  if (eia) await step("demo-officer-sthj", eia, { type: "pause", reasonClass: "expert_review", reason: "组织环境影响报告书技术评估专家评审", expectedWorkingDays: 10, at: at(workingDaysAgo(6), 15) });

  // 2. A 备案 project whose matters are all done: approved, with its completion notice and disclosed results.
  const filedOn = workingDaysAgo(15);
  const p2 = await declare({ name: "示例：智能仓储物流中心技术改造项目", approvalCategory: "filing", projectType: "01", totalInvestment: "25.00", newConstructionLand: false, landAreaHectares: undefined, environmentalCategory: "registration" }, filedOn);
  const officers: Record<string, string> = { FGW: "demo-officer-fgw", ZRZY: "demo-officer-zrzy", STHJ: "demo-officer-sthj", ZJW: "demo-officer-zjw" };
  let n = 0;
  for (const [matter, caseId] of p2) {
    const officer = officers[matter.split("-")[1] ?? ""];
    if (!officer) continue;
    n += 1;
    // Received and accepted the day before completion: every matter done well within its limit.
    await step(officer, caseId, { type: "receive", at: at(workingDaysAgo(6), 9) });
    await step(officer, caseId, { type: "accept", at: at(workingDaysAgo(6)) });
    await step(officer, caseId, { type: "complete", result: "granted", opinion: "符合要求，同意", documentNumber: `示例〔${today.slice(0, 4)}〕${100 + n}号`, documentTitle: "示例批复文件", at: at(workingDaysAgo(5)) });
  }
  return true;
}
