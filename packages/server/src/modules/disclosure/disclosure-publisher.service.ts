import type { Kysely, Transaction } from "kysely";
import { type DataScope, regionPrefixOf } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { systemActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import * as repo from "./disclosure.repository.js";
import { type BackgroundLoop, startBackgroundLoop } from "../../platform/background-loop.js";

/**
 * 信息公开 publisher (Art. 18: 「项目审批信息、监管信息、处罚结果等要及时通过在线平台向社会公开」): every process runs
 * it in a loop; each pass asks every source for the facts it has not yet published and publishes them as
 * `disclosure_item` rows, each with its `disclosure.published` audit event in the same transaction.
 *
 * Safe with several processes: the unique (kind, source, source_id) key decides. Two publishers that pick the
 * same fact both insert with ON CONFLICT DO NOTHING; the second waits for the first one's commit and then
 * inserts nothing, so each fact is published, and audited, exactly once.
 *
 * A source is a few lines: a kind, a source name and a query for what is not yet published. The sources below
 * publish completed matter cases (`approval`), closed inspections with how their rectification orders ended
 * (`supervision`) and public penalty decisions (`penalty`); a new kind is one more entry in `DISCLOSURE_SOURCES`.
 */
export interface DisclosureSource {
  kind: repo.DisclosureKind;
  /** Stored as `disclosure_item.source`, e.g. 'case'; with the fact's id it is the item's unique key. */
  source: string;
  /**
   * Up to `limit` facts of the platform's region (`platform`, applied with `inScope`) that are not yet published
   * (no item with this kind, source and id), as items; the oldest first. Facts of withdrawn or delisted projects
   * are left out: they would never be shown.
   */
  unpublished(tx: Transaction<DB>, platform: DataScope, limit: number): Promise<repo.NewDisclosure[]>;
}

const RESULT_ZH = { granted: "准予", denied: "不予" } as const;

/** 审批结果: each completed matter case (办结), granted or denied, with its document number and completion date. */
export const approvalSource: DisclosureSource = {
  kind: "approval",
  source: "case",
  async unpublished(tx, platform, limit) {
    const rows = await repo.unpublishedCompletedCases(tx, platform, limit);
    return rows.map((c) => ({
      kind: "approval" as const,
      source: "case",
      source_id: c.id,
      project_id: c.project_id,
      project_code: c.project_code,
      project_name: c.project_name,
      region_code: c.region_code,
      department_id: c.department_id,
      department: c.department,
      title: c.matter_name,
      result: c.result ? RESULT_ZH[c.result] : null,
      outcome: c.result,
      document_number: c.document_number,
      document_title: c.document_title,
      decided_on: c.on_date,
    }));
  },
};

/** A supervision record as its source reads it: its own id, its project and its issuing department. */
interface SupervisionRecord {
  id: number;
  project_id: number;
  project_code: string;
  project_name: string;
  region_code: string;
  organisation_id: number;
  department: string;
}

type RecordFacts = Pick<repo.NewDisclosure, "title" | "result" | "outcome" | "document_number" | "document_title" | "decided_on">;

/** A source of supervision records (penalty decisions, inspections): each record is one fact, keyed by its id. */
function recordSource<R extends SupervisionRecord>(
  kind: repo.DisclosureKind,
  source: string,
  unpublished: (tx: Transaction<DB>, platform: DataScope, limit: number) => Promise<R[]>,
  facts: (r: R) => RecordFacts,
): DisclosureSource {
  return {
    kind,
    source,
    async unpublished(tx, platform, limit) {
      return (await unpublished(tx, platform, limit)).map((r) => ({
        kind,
        source,
        source_id: String(r.id),
        project_id: r.project_id,
        project_code: r.project_code,
        project_name: r.project_name,
        region_code: r.region_code,
        department_id: r.organisation_id,
        department: r.department,
        ...facts(r),
      }));
    },
  };
}

/** 处罚结果: each public penalty decision with its document number (处罚决定书文号). */
export const penaltySource = recordSource("penalty", "penalty_decision", repo.unpublishedPenalties, (r) => ({
  title: r.violation,
  result: r.penalty,
  outcome: null,
  document_number: r.document_number,
  document_title: null,
  decided_on: r.decided_on,
}));

const MODE_ZH = { on_site: "现场检查", online: "在线检查" } as const;

/** 监管信息: each closed inspection, by whom and how, with the number of findings and of rectifications closed. */
export const inspectionSource = recordSource("supervision", "inspection", repo.unpublishedInspections, (r) => ({
  title: MODE_ZH[r.mode as keyof typeof MODE_ZH] ?? r.mode,
  result: Number(r.findings) === 0 ? "未发现问题" : `发现问题${Number(r.findings)}项，整改通知${Number(r.orders)}份（已整改${Number(r.orders_closed)}份）`,
  outcome: null,
  document_number: null,
  document_title: null,
  decided_on: r.inspected_on,
}));

/** The sources every pass publishes from, in this order. */
export const DISCLOSURE_SOURCES: readonly DisclosureSource[] = [approvalSource, penaltySource, inspectionSource];

export interface PublisherContext {
  db: Kysely<DB>;
  /** PLATFORM_REGION: a provincial platform discloses its province's facts; the central platform (100000) all. */
  platformRegion: string;
  sources?: readonly DisclosureSource[];
}

async function publishBatch(ctx: PublisherContext, source: DisclosureSource, batchSize: number): Promise<{ published: number; seen: number }> {
  const platform: DataScope = { regionPrefix: regionPrefixOf(ctx.platformRegion) };
  return ctx.db.transaction().execute(async (tx) => {
    const items = await source.unpublished(tx, platform, batchSize);
    const at = now();
    let published = 0;
    for (const item of items) {
      const id = await repo.insertItemIfNew(tx, item, at);
      if (id === undefined) continue;
      published += 1;
      await recordAudit(tx, {
        type: "disclosure.published",
        actor: systemActor("disclosure-publisher"),
        subject: item.project_code,
        regionCode: item.region_code,
        payload: { itemId: id, kind: item.kind, source: item.source, sourceId: item.source_id, title: item.title, result: item.result ?? null, documentNumber: item.document_number ?? null },
      });
    }
    return { published, seen: items.length };
  });
}

/** One pass over every source, in batches (each its own short transaction). The number of items published. */
export async function publishDisclosures(ctx: PublisherContext, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  let total = 0;
  for (const source of ctx.sources ?? DISCLOSURE_SOURCES) {
    for (;;) {
      const { published, seen } = await publishBatch(ctx, source, batchSize);
      total += published;
      // A short batch was the last; a full one that published nothing met another publisher's work: look again.
      if (seen < batchSize) break;
    }
  }
  return total;
}

/** The publisher loop of one process; `stop()` waits for the pass in progress. */
export function startDisclosurePublisher(ctx: PublisherContext, intervalMs: number, onError: (e: unknown) => void): BackgroundLoop {
  return startBackgroundLoop(() => publishDisclosures(ctx), intervalMs, onError, Math.min(intervalMs, 2000));
}
