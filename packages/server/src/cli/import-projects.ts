/**
 * `npm run import -- <file.xlsx|file.csv> [--dry-run] [--report <path>]`: 存量项目导入 (Art. 12). Each good row
 * gets a platform code mapped to its older number; the columns are listed in modules/projects/legacy-import.ts
 * and in the README.
 *
 * - Opens the database as the other commands do (DATA_DIR with its lock, or DATABASE_URL) and refuses to run
 *   while migrations are pending: importing is a data operation, and changing the schema is left to
 *   `npm run migrate` or `npm start`, run on purpose, rather than done as a side effect of an import.
 * - Progress on stderr: a bar on a terminal, otherwise a line every 100 rows.
 * - The report (default `<file>.report.csv`, UTF-8 with BOM for Excel) gets one line per row as it is done:
 *   row number, legacy number, outcome (imported / skipped / failed / would import), platform code, error code,
 *   and each failing field with its Chinese and English message.
 * - `--dry-run` checks every row and writes the report, storing nothing.
 * - Ctrl-C finishes the row under way, keeps the report so far and exits 130; a second Ctrl-C exits at once.
 *   A rerun resumes: numbers already imported are reported as skipped, nothing is imported twice.
 *
 * Exit code 0 when every row was imported or skipped (or would be imported), 1 when some failed, 2 when the
 * import could not run (configuration, database, file or header), 130 when interrupted.
 */
import { closeSync, openSync, writeSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config/env.js";
import { DataDirLockedError } from "../db/data-dir-lock.js";
import { type Database, openDatabase } from "../db/database.js";
import { listMigrations } from "../db/migrate.js";
import { ImportFileError, readImportFile, REPORT_PREAMBLE, reportLine } from "../modules/projects/legacy-import.js";
import { appliedMigrations, regionsLoaded } from "../modules/projects/legacy-import.repository.js";
import { notifyRequiredMatters } from "../modules/catalogue/notification.service.js";
import { type ImportProgress, importProjects, mappingOf } from "../modules/projects/legacy-import.service.js";

const USAGE = `用法 Usage: npm run import -- <文件 file.xlsx|file.csv> [--dry-run] [--report <报告 report.csv>]

  --dry-run          只校验并生成报告，不保存 Validate every row and write the report, store nothing
  --report <path>    报告文件，默认 <文件>.report.csv  The report file (default <file>.report.csv)
`;

/** A failure that stops the import before or between rows: exit code 2 with a message in both languages. */
class CannotRun extends Error {}

const PROGRESS_EVERY = 100;

function progressDisplay(stream: NodeJS.WriteStream, dryRun: boolean) {
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  const text = (p: ImportProgress) => {
    const rate = p.elapsedMs > 0 ? (p.processed * 1000) / p.elapsedMs : 0;
    const done = dryRun ? `可导入 would import ${p.wouldImport}` : `导入 imported ${p.imported}`;
    return `${p.processed}/${p.total}  ${done}  跳过 skipped ${p.skipped}  失败 failed ${p.failed}  ${rate.toFixed(1)} 行/秒 rows/s`;
  };
  const bar = (p: ImportProgress) => {
    const width = 24;
    const filled = p.total ? Math.round((p.processed / p.total) * width) : width;
    return `[${"█".repeat(filled)}${"░".repeat(width - filled)}]`;
  };
  return {
    update(p: ImportProgress) {
      if (tty) {
        const t = performance.now();
        // The last state is drawn by finish(), with its line break.
        if (t - lastDraw < 100 || p.processed === p.total) return;
        lastDraw = t;
        stream.write(`\r\x1b[2K${bar(p)} ${text(p)}`);
      } else if (p.processed % PROGRESS_EVERY === 0 || p.processed === p.total) {
        stream.write(`${text(p)}\n`);
      }
    },
    finish(p: ImportProgress) {
      if (tty) stream.write(`\r\x1b[2K${bar(p)} ${text(p)}\n`);
      else if (p.processed % PROGRESS_EVERY !== 0 && p.processed !== p.total) stream.write(`${text(p)}\n`);
    },
  };
}

async function requireMigrated(database: Database) {
  let applied: string[];
  try {
    applied = await appliedMigrations(database.db);
  } catch {
    applied = [];
  }
  const pending = listMigrations()
    .map((m) => m.version)
    .filter((v) => !applied.includes(v));
  if (pending.length) {
    throw new CannotRun(
      `数据库有 ${pending.length} 个未执行的迁移（${pending.join(", ")}），请先运行 npm run migrate。\n` +
        `The database has ${pending.length} pending migration(s) (${pending.join(", ")}): run npm run migrate first.`,
    );
  }
  if (!(await regionsLoaded(database.db))) {
    throw new CannotRun("参考数据（行政区划）未加载，请先运行 npm run migrate。\nReference data (regions) is not loaded: run npm run migrate first.");
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, report: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new CannotRun(`请给出一个要导入的文件 Give exactly one file to import.\n${USAGE}`);
  // `npm run` starts scripts in the repository root; paths are meant relative to where the operator typed them.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const file = resolve(cwd, positionals[0] as string);
  const reportPath = resolve(cwd, values.report ?? `${file}.report.csv`);
  const dryRun = values["dry-run"] === true;

  const config = loadConfig();
  const table = await readImportFile(file);
  const mapping = mappingOf(table);
  if ("encoding" in table && table.encoding === "gb18030") {
    console.error("提示：文件不是 UTF-8 编码，已按 GB18030 读取。Note: the file is not UTF-8; it was read as GB18030.");
  }
  if (mapping.unknown.length) console.error(`忽略未识别的列 Ignoring unknown columns: ${mapping.unknown.join(", ")}`);

  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const controller = new AbortController();
  let signalledAt: number | undefined;
  const onSignal = () => {
    // One Ctrl-C often arrives twice (the terminal signals the whole process group, and npm forwards it too):
    // only a second one a moment later means "exit now".
    if (signalledAt !== undefined) {
      if (performance.now() - signalledAt < 1000) return;
      console.error("\n再次中断，立即退出 Interrupted again: exiting now.");
      process.exit(130);
    }
    signalledAt = performance.now();
    console.error("\n正在完成当前行后停止（再按一次 Ctrl-C 立即退出）Finishing the current row, then stopping (Ctrl-C again to exit now)…");
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let report: number | undefined;
  try {
    await requireMigrated(database);
    report = openSync(reportPath, "w");
    writeSync(report, REPORT_PREAMBLE);
    const progress = progressDisplay(process.stderr, dryRun);
    const reportFd = report;
    const summary = await importProjects({ db: database.db, config, notifier: notifyRequiredMatters }, table, {
      fileName: basename(file),
      dryRun,
      signal: controller.signal,
      onRow: (outcome, p) => {
        writeSync(reportFd, reportLine(outcome, mapping.labels));
        progress.update(p);
      },
    });
    progress.finish(summary);
    const rate = summary.elapsedMs > 0 ? ((summary.processed * 1000) / summary.elapsedMs).toFixed(1) : "-";
    const done = dryRun ? `可导入 ${summary.wouldImport}` : `导入 ${summary.imported}`;
    const doneEn = dryRun ? `would import ${summary.wouldImport}` : `imported ${summary.imported}`;
    const title = summary.interrupted ? ["已中断", "Interrupted"] : dryRun ? ["试运行（未保存）", "Dry run (nothing stored)"] : ["导入完成", "Import done"];
    console.log(
      `${title[0]}：共 ${summary.total} 行，处理 ${summary.processed}，${done}，跳过 ${summary.skipped}，失败 ${summary.failed}。\n` +
        `${title[1]}${dryRun && summary.interrupted ? " (dry run)" : ""}: ${summary.total} rows, ${summary.processed} processed, ${doneEn}, ` +
        `${summary.skipped} skipped, ${summary.failed} failed, ${rate} rows/s.\n报告 Report: ${reportPath}`,
    );
    if (summary.interrupted) {
      console.log("重新运行同一命令即可从中断处继续。Run the same command again to resume.");
      return 130;
    }
    return summary.failed > 0 ? 1 : 0;
  } finally {
    if (report !== undefined) closeSync(report);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof ImportFileError) console.error(`${e.messageZh}\n${e.message}`);
    else if (e instanceof CannotRun || e instanceof ConfigError || e instanceof DataDirLockedError) console.error(e.message);
    else console.error("导入无法继续 The import cannot go on:", e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
