import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { DEMO_ORGANISATIONS } from "../../demo/demo-data.js";
import { now } from "../../platform/clock.js";
import { systemActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import { creditCodeCheckCharacter } from "../reference/credit-code.js";
import * as intermediaries from "./intermediaries.repository.js";
import type { IntermediaryService, Qualification } from "./intermediaries.service.js";
import * as policies from "./policies.repository.js";
import type { PolicyCategory } from "./policies.service.js";

/**
 * Demo portal content. The policy documents are real (issuer, title, number and date as published); their bodies
 * are short summaries in our own words, not quotations. The intermediaries are invented and say so (示例) in their
 * names; their certificate numbers are marked 示例 too.
 */
interface DemoPolicy {
  title: string;
  issuer: string;
  documentNumber: string;
  issuedOn: string;
  category: PolicyCategory;
  body: string;
}

export const DEMO_POLICIES: DemoPolicy[] = [
  {
    title: "企业投资项目核准和备案管理条例",
    issuer: "国务院",
    documentNumber: "国务院令第673号",
    issuedOn: "2016-11-30",
    category: "law",
    body:
      "【内容摘要】本条例规范企业在中国境内投资建设固定资产投资项目的核准和备案。关系国家安全、涉及全国重大生产力布局、战略性资源开发和重大公共利益等项目实行核准管理，具体范围以政府核准的投资项目目录为准；目录以外的项目实行备案管理。" +
      "核准机关主要从是否危害经济安全、社会安全、生态安全，是否符合相关发展建设规划、技术标准和产业政策，是否合理开发并有效利用资源，以及是否对重大公共利益产生重大不利影响等方面进行审查。" +
      "备案项目由企业通过在线平台告知项目信息。核准、备案通过全国投资项目在线审批监管平台办理，并以项目代码实现信息共享。条例自2017年2月1日起施行。\n（摘要仅供参考，以正式公布文本为准。）",
  },
  {
    title: "全国投资项目在线审批监管平台运行管理暂行办法",
    issuer: "国家发展改革委等18部门",
    documentNumber: "国家发展改革委等18部门令第3号",
    issuedOn: "2017-05-25",
    category: "law",
    body:
      "【内容摘要】本办法规范全国投资项目在线审批监管平台的建设、应用和管理。在线平台由中央平台和地方平台组成，由互联网门户网站和政务外网审批监管系统构成，门户网站提供办事指南、中介服务、政策信息等服务指引。" +
      "工作体系由综合管理部门、应用管理部门、建设运维部门共同组成。项目实行统一代码制度，项目代码是项目整个建设周期的唯一身份标识；涉密项目及信息不得通过在线平台办理和传递。办法还对审批流程、信息共享、监督管理等作出规定，自2017年6月25日起施行。\n（摘要仅供参考，以正式公布文本为准。）",
  },
  {
    title: "政府投资条例",
    issuer: "国务院",
    documentNumber: "国务院令第712号",
    issuedOn: "2019-04-14",
    category: "law",
    body:
      "【内容摘要】本条例规范政府投资行为。政府投资资金主要投向社会公益服务、公共基础设施、农业农村、生态环境保护、重大科技进步、社会管理、国家安全等公共领域的项目，以非经营性项目为主。" +
      "政府采取直接投资方式、资本金注入方式投资的项目，项目单位应当编制项目建议书、可行性研究报告、初步设计，按照政府投资管理权限和规定的程序报投资主管部门或者其他有关部门审批。" +
      "条例还对政府投资年度计划、项目实施和监督管理作出规定，并明确除涉及国家秘密的项目外，有关部门应当通过投资项目在线审批监管平台办理审批手续。条例自2019年7月1日起施行。\n（摘要仅供参考，以正式公布文本为准。）",
  },
  {
    title: "国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见",
    issuer: "国务院办公厅",
    documentNumber: "国办发〔2019〕11号",
    issuedOn: "2019-03-13",
    category: "policy",
    body:
      "【内容摘要】该意见部署在全国全面开展工程建设项目审批制度改革，统一审批流程、信息数据平台、审批管理体系和监管方式。" +
      "工程建设项目审批流程主要划分为立项用地规划许可、工程建设许可、施工许可、竣工验收四个阶段，每个阶段由一家牵头部门组织协调相关部门并联审批。" +
      "意见提出精简审批环节、推行“一张蓝图”“一个窗口”“一张表单”“一套机制”等措施，并明确了压缩审批时间的阶段性目标。\n（摘要仅供参考，以正式公布文本为准。）",
  },
  {
    title: "浙江省重点建设项目管理办法",
    issuer: "浙江省人民政府",
    documentNumber: "浙江省人民政府令第270号",
    issuedOn: "2010-04-14",
    category: "law",
    body:
      "【内容摘要】本办法适用于本省行政区域内重点建设项目的建设、协调、服务和管理，旨在优化投资结构，保证重点建设项目工程质量和安全，提高投资效益。" +
      "重点建设项目是指省、设区的市确定的对国民经济和社会发展有重大影响的基础设施、社会事业、产业发展、生态保护等建设项目，具体认定标准由省、市发展和改革行政主管部门会同有关部门制订，报本级人民政府批准后公布。办法自2010年6月1日起施行。\n（摘要仅供参考，以正式公布文本为准。）",
  },
];

interface DemoIntermediary {
  name: string;
  /** First 17 characters of the credit code; the check character is computed (GB 32100). */
  creditCodeStem: string;
  regionCode: string;
  /** The demo organisation (by key) whose staff sign in for it. */
  organisationKey?: string;
  qualifications: Qualification[];
  services: IntermediaryService[];
  contactName: string;
  contactPhone: string;
  address: string;
}

const MARKET_PRICE = "实行市场调节价（国家发展改革委发改价格〔2015〕299号放开建设项目专业服务价格），按合同约定";

export const DEMO_INTERMEDIARIES: DemoIntermediary[] = [
  {
    name: "浙江正衡工程咨询有限公司（示例）",
    creditCodeStem: "91330100MA27WQ3N8",
    regionCode: "330100",
    organisationKey: "zj",
    qualifications: [{ name: "工程咨询单位资信（综合）", level: "甲级", certificateNumber: "示例-甲综-2025-0001", validUntil: "2028-06-30" }],
    services: [
      { service: "社会稳定风险评估", feeBasis: MARKET_PRICE, promisedWorkingDays: 20 },
      { service: "节能评估报告编制", feeBasis: MARKET_PRICE, promisedWorkingDays: 15 },
    ],
    contactName: "钱工（示例）",
    contactPhone: "0571-00000001",
    address: "浙江省杭州市（示例地址）",
  },
  {
    name: "浙江示例环境科技咨询有限公司",
    creditCodeStem: "91330106MA2J8K4R6",
    regionCode: "330106",
    qualifications: [{ name: "工程咨询单位资信（生态建设和环境工程）", level: "乙级", certificateNumber: "示例-乙专-2025-0102", validUntil: "2027-12-31" }],
    services: [{ service: "环境影响评价报告编制", feeBasis: MARKET_PRICE, promisedWorkingDays: 30 }],
    contactName: "孙工（示例）",
    contactPhone: "0571-00000002",
    address: "浙江省杭州市西湖区（示例地址）",
  },
  {
    name: "杭州示例水土保持技术服务有限公司",
    creditCodeStem: "91330108MA2K1T7W3",
    regionCode: "330108",
    qualifications: [{ name: "水土保持方案编制单位水平评价", level: "四星", certificateNumber: "示例-水保-2025-0310", validUntil: "2027-09-30" }],
    services: [{ service: "水土保持方案编制", feeBasis: MARKET_PRICE, promisedWorkingDays: 20 }],
    contactName: "周工（示例）",
    contactPhone: "0571-00000003",
    address: "浙江省杭州市滨江区（示例地址）",
  },
  {
    name: "宁波示例节能评估咨询有限公司",
    creditCodeStem: "91330200MA2L5P9X1",
    regionCode: "330200",
    qualifications: [{ name: "工程咨询单位资信（专业）", level: "乙级", certificateNumber: "示例-乙专-2025-0456", validUntil: "2027-03-31" }],
    services: [
      { service: "节能评估报告编制", feeBasis: MARKET_PRICE, promisedWorkingDays: 15 },
      { service: "社会稳定风险评估", feeBasis: MARKET_PRICE, promisedWorkingDays: 25 },
    ],
    contactName: "吴工（示例）",
    contactPhone: "0574-00000004",
    address: "浙江省宁波市（示例地址）",
  },
  {
    name: "浙江示例安全评价有限公司",
    creditCodeStem: "91330105MA2M3D6Q8",
    regionCode: "330105",
    qualifications: [{ name: "安全评价机构资质", level: "", certificateNumber: "示例-安评-2025-0078", validUntil: "2029-12-31" }],
    services: [{ service: "安全评价", feeBasis: MARKET_PRICE, promisedWorkingDays: 20 }],
    contactName: "郑工（示例）",
    contactPhone: "0571-00000005",
    address: "浙江省杭州市拱墅区（示例地址）",
  },
  {
    name: "浙江示例地质工程勘察院有限公司",
    creditCodeStem: "91330102MA2N7G2B5",
    regionCode: "330102",
    qualifications: [
      { name: "地质灾害危险性评估单位资质", level: "甲级", certificateNumber: "示例-地灾-2025-0021", validUntil: "2028-12-31" },
      { name: "工程勘察资质（岩土工程）", level: "甲级", certificateNumber: "示例-勘察-2025-0033", validUntil: "2028-12-31" },
    ],
    services: [
      { service: "地质灾害危险性评估", feeBasis: MARKET_PRICE, promisedWorkingDays: 20 },
      { service: "工程勘察设计", feeBasis: MARKET_PRICE, promisedWorkingDays: 30 },
    ],
    contactName: "冯工（示例）",
    contactPhone: "0571-00000006",
    address: "浙江省杭州市上城区（示例地址）",
  },
];

/**
 * Loads the demo policy documents (published, kept by 浙江省发展和改革委员会) and intermediaries once, into an empty
 * portal, in one transaction with its audit event. Needs the demo organisations and users; returns false when
 * there is already content or they are missing.
 */
export async function seedDemoPortalContent(db: Kysely<DB>): Promise<boolean> {
  if ((await policies.countPolicies(db)) > 0 || (await intermediaries.countIntermediaries(db)) > 0) return false;
  const fgw = DEMO_ORGANISATIONS.find((o) => o.key === "fgw")!;
  const keeper = await db
    .selectFrom("app_user as u")
    .innerJoin("organisation as o", "o.id", "u.organisation_id")
    .select(["u.id", "o.id as organisation_id"])
    .where("u.username", "=", "demo-leader-fgw")
    .where("o.name", "=", fgw.name)
    .executeTakeFirst();
  if (!keeper) return false;
  const orgIds = new Map<string, number>();
  for (const o of DEMO_ORGANISATIONS) {
    const found = await db.selectFrom("organisation").select("id").where("name", "=", o.name).executeTakeFirst();
    if (found) orgIds.set(o.key, Number(found.id));
  }
  const at = now();
  await db.transaction().execute(async (tx) => {
    for (const p of DEMO_POLICIES) {
      await policies.insertPolicy(tx, {
        title: p.title,
        issuer: p.issuer,
        document_number: p.documentNumber,
        issued_on: p.issuedOn,
        category: p.category,
        body: p.body,
        attachments: [],
        status: "published",
        region_code: fgw.regionCode,
        organisation_id: Number(keeper.organisation_id),
        created_by: Number(keeper.id),
        created_at: at,
        updated_at: at,
        published_by: Number(keeper.id),
        published_at: at,
        withdrawn_by: null,
        withdrawn_at: null,
        withdrawn_reason: null,
      });
    }
    for (const i of DEMO_INTERMEDIARIES) {
      const check = creditCodeCheckCharacter(i.creditCodeStem);
      if (!check) throw new Error(`demo credit code stem ${i.creditCodeStem} is malformed`);
      await intermediaries.insertIntermediary(
        tx,
        {
          name: i.name,
          credit_code: i.creditCodeStem + check,
          region_code: i.regionCode,
          organisation_id: i.organisationKey ? (orgIds.get(i.organisationKey) ?? null) : null,
          qualifications: i.qualifications,
          services: i.services,
          contact_name: i.contactName,
          contact_phone: i.contactPhone,
          address: i.address,
        },
        null,
        at,
      );
    }
    await recordAudit(tx, {
      type: "portal_content.seeded",
      actor: systemActor("demo-seed"),
      regionCode: fgw.regionCode,
      payload: { policies: DEMO_POLICIES.length, intermediaries: DEMO_INTERMEDIARIES.length },
    });
  });
  return true;
}
