import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Declaration } from "@tzxm/shared";
import { ERROR_CATALOGUE, type ErrorCode } from "../../http/error-catalogue.js";
import { now } from "../../platform/clock.js";
import { DomainError, type FieldProblem } from "../../platform/errors.js";
import { systemActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import { checkDeclarationOfUnit, insertUnderNewCode, type ProjectsContext } from "./declaration.service.js";
import {
  type HeaderMapping,
  headerProblems,
  ImportFileError,
  type ImportTable,
  mapHeader,
  type PlannedRow,
  planRows,
  type RowOutcome,
  validateCandidate,
} from "./legacy-import.js";
import * as importRepo from "./legacy-import.repository.js";
import { PROJECT_ERRORS } from "./projects.errors.js";
import * as repo from "./projects.repository.js";

export interface ImportProgress {
  total: number;
  processed: number;
  imported: number;
  skipped: number;
  failed: number;
  wouldImport: number;
  elapsedMs: number;
}

export interface ImportSummary extends ImportProgress {
  /** Stopped before the last row (signal or `stopAfter`); a rerun resumes, skipping what was imported. */
  interrupted: boolean;
  dryRun: boolean;
  rows: RowOutcome[];
  mapping: HeaderMapping;
}

export interface ImportOptions {
  /** The file's name: the audit actor is `legacy-import:<fileName>`. */
  fileName: string;
  /** Validate every row and report, store nothing. */
  dryRun?: boolean;
  /** Checked before each row: the row under way is finished, then the import stops (Ctrl-C). */
  signal?: AbortSignal;
  /** Stop after this many rows, as an interruption would (tests). */
  stopAfter?: number;
  /** Called after each row, in row order (progress display, the report file). */
  onRow?: (outcome: RowOutcome, progress: ImportProgress) => void;
}

/** The header must name every required field once; otherwise nothing is imported (CLI exit code 2). */
export function mappingOf(table: ImportTable): HeaderMapping {
  const mapping = mapHeader(table.header);
  const problem = headerProblems(mapping);
  if (problem) throw new ImportFileError(`表头不符合要求：${problem.message}`, `The header is not usable: ${problem.messageEn}`);
  return mapping;
}

function problemsOf(error: DomainError): FieldProblem[] {
  const def = (ERROR_CATALOGUE as Record<string, { message: string; messageEn: string }>)[error.code];
  const fields = error.options.fields ?? [];
  // A message written for the case (e.g. naming the right platform) says more than the field's short one.
  if (error.options.message && fields.length) {
    return fields.map((f) => ({ path: f.path, message: error.options.message ?? f.message, messageEn: error.options.messageEn ?? f.messageEn }));
  }
  if (fields.length) return fields;
  return [{ path: "", message: error.options.message ?? def?.message ?? error.code, messageEn: error.options.messageEn ?? def?.messageEn ?? error.code }];
}

const failed = (row: number, legacyCode: string | undefined, errorCode: ErrorCode, problems: FieldProblem[]): RowOutcome => ({
  row,
  legacyCode,
  outcome: "failed",
  errorCode,
  problems,
});

/** Whether a database error is the unique constraint on project.legacy_code (an import running beside this one). */
function isLegacyCodeConflict(e: unknown): boolean {
  const err = e as { code?: unknown; constraint?: unknown; message?: unknown };
  return err?.code === "23505" && `${String(err.constraint ?? "")} ${String(err.message ?? "")}`.includes("legacy_code");
}

async function importRow(ctx: ProjectsContext, planned: PlannedRow, options: ImportOptions): Promise<RowOutcome> {
  const { row } = planned;
  switch (planned.kind) {
    case "classified":
      // Art. 3: nothing of the row is read further, stored or repeated; the report names only the row.
      return failed(row, undefined, "CLASSIFIED_PROJECT_REFUSED", [
        { path: "classified", message: PROJECT_ERRORS.CLASSIFIED_PROJECT_REFUSED.message, messageEn: PROJECT_ERRORS.CLASSIFIED_PROJECT_REFUSED.messageEn },
      ]);
    case "bad_legacy_code":
      return failed(row, undefined, "LEGACY_CODE_INVALID", [planned.problem]);
    case "duplicate":
      return failed(row, planned.legacyCode, "LEGACY_CODE_DUPLICATE", [
        {
          path: "legacyCode",
          message: `原项目编码与第${planned.firstRow}行重复`,
          messageEn: `The same legacy number as row ${planned.firstRow}`,
        },
      ]);
    case "candidate":
      break;
  }
  const { legacyCode } = planned;
  const { db } = ctx;

  // Already mapped (an earlier run, or a declaration that named it): skipped, so a rerun resumes where it stopped.
  const taken = await repo.legacyCodeTaken(db, legacyCode);
  if (taken) return skipped(row, legacyCode, taken.code);

  const valid = validateCandidate(planned.candidate);
  if (!valid.ok) return failed(row, legacyCode, "VALIDATION_FAILED", valid.problems);
  const d: Declaration = { ...valid.declaration, legacyCode };

  let checked: Awaited<ReturnType<typeof checkDeclarationOfUnit>>;
  try {
    const unit = await importRepo.organisationByCreditCode(db, d.unit.creditCode);
    if (unit && unit.kind !== "project_unit") {
      return failed(row, legacyCode, "UNIT_MISMATCH", [
        {
          path: "unit.creditCode",
          message: `该统一社会信用代码已登记为其他类型的机构（${unit.name}），不是项目单位`,
          messageEn: "This credit code is registered to an organisation that is not a project unit",
        },
      ]);
    }
    // The same checks as a web declaration (schema, reference data, jurisdiction); the unit is the row's own.
    checked = await checkDeclarationOfUnit(ctx, unit?.id ?? null, d);
  } catch (e) {
    if (e instanceof DomainError) return failed(row, legacyCode, e.code as ErrorCode, problemsOf(e));
    throw e;
  }
  if (options.dryRun) return { row, legacyCode, outcome: "would import", problems: [] };

  const actor = systemActor(`legacy-import:${options.fileName}`);
  try {
    const code = await db.transaction().execute(async (tx) => {
      // Looked up again inside the transaction: an earlier row of this file may have registered the unit.
      let unitId = (await importRepo.organisationByCreditCode(tx, d.unit.creditCode))?.id;
      if (unitId === undefined) {
        unitId = (await importRepo.insertProjectUnit(tx, { name: d.unit.name, region_code: checked.region, credit_code: d.unit.creditCode })).id;
        await recordAudit(tx, {
          type: "organisation.created",
          actor,
          subject: d.unit.creditCode,
          regionCode: checked.region,
          payload: { organisationId: unitId, kind: "project_unit", name: d.unit.name },
        });
      }
      const at = now();
      const project = await insertUnderNewCode(tx, ctx, { d, ...checked, unitOrganisationId: unitId, at, userId: null, reason: "legacy_import" });
      await recordAudit(tx, {
        type: "project.imported",
        actor,
        subject: project.code,
        regionCode: checked.region,
        payload: { code: project.code, legacyCode, row },
      });
      // An imported project is told its matters as a declared one is (Art. 14(1)), in the row's transaction.
      await ctx.notifier?.(tx, { id: project.id, code: project.code, declaration: d, ...checked, at }, actor);
      return project.code;
    });
    return { row, legacyCode, outcome: "imported", code, problems: [] };
  } catch (e) {
    if (e instanceof DomainError) return failed(row, legacyCode, e.code as ErrorCode, problemsOf(e));
    if (isLegacyCodeConflict(e)) {
      const mapped = await repo.legacyCodeTaken(db, legacyCode);
      if (mapped) return skipped(row, legacyCode, mapped.code);
    }
    throw e;
  }
}

function skipped(row: number, legacyCode: string, code: string): RowOutcome {
  return {
    row,
    legacyCode,
    outcome: "skipped",
    code,
    problems: [{ path: "legacyCode", message: `已导入，对应项目代码 ${code}`, messageEn: `Already imported as ${code}` }],
  };
}

/**
 * 存量项目导入 (Art. 12): each good row gets a platform code mapped to its older number, checked exactly as a web
 * declaration, with its unit found by credit code or registered, in ONE transaction per row with its audit
 * events. Bad rows are reported with each failing field and change nothing. Rows run in file order; an
 * interruption ends after the row under way, and a rerun skips every number already imported.
 *
 * Throws ImportFileError when the header is unusable, and any unexpected (non-input) error as it is: the rows
 * reported so far through `onRow` are final either way.
 */
export async function importProjects(ctx: ProjectsContext, table: ImportTable, options: ImportOptions): Promise<ImportSummary> {
  const mapping = mappingOf(table);
  const planned = planRows(table, mapping);
  const started = performance.now();
  const progress: ImportProgress = { total: planned.length, processed: 0, imported: 0, skipped: 0, failed: 0, wouldImport: 0, elapsedMs: 0 };
  const rows: RowOutcome[] = [];
  let interrupted = false;
  for (const p of planned) {
    // PGlite answers through promises that settle without a turn of the event loop: without this, a signal
    // handler (Ctrl-C) would not run before the last row.
    await yieldToEventLoop();
    if (options.signal?.aborted || (options.stopAfter !== undefined && progress.processed >= options.stopAfter)) {
      interrupted = true;
      break;
    }
    const outcome = await importRow(ctx, p, options);
    rows.push(outcome);
    progress.processed++;
    if (outcome.outcome === "imported") progress.imported++;
    else if (outcome.outcome === "skipped") progress.skipped++;
    else if (outcome.outcome === "failed") progress.failed++;
    else progress.wouldImport++;
    progress.elapsedMs = performance.now() - started;
    options.onRow?.(outcome, { ...progress });
  }
  progress.elapsedMs = performance.now() - started;
  return { ...progress, interrupted, dryRun: options.dryRun ?? false, rows, mapping };
}
