import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import { sm3Hex } from "../../platform/crypto.js";
import { DomainError } from "../../platform/errors.js";

/**
 * The working-day calendar of mainland China: weekends, the public holidays and the make-up working days
 * (调休上班) that the General Office of the State Council announces each year in its notice
 * 国务院办公厅关于 YYYY 年部分节假日安排的通知.
 *
 * The official data comes from the `chinese-days` package (MIT), which holds the notices of 2004-2026. For any
 * later year that package silently answers by weekday, which would make a legal deadline wrong, so this module
 * refuses every year it has no official data for (CALENDAR_YEAR_UNAVAILABLE) until that year's notice is loaded
 * from an override file (format below and in seed-data/calendar/README.md).
 *
 * The package's data table is read directly rather than through its getDayDetail(): that function parses
 * 'YYYY-MM-DD' as UTC midnight and then formats in the process's local zone, so west of Greenwich it answers
 * for the previous day (measured: TZ=America/New_York, getDayDetail("2026-02-14") → date "2026-02-13").
 *
 * Dates are 'YYYY-MM-DD' calendar dates in China Standard Time; all arithmetic is on UTC day numbers, so the
 * server's own time zone never matters.
 *
 * Override file (JSON, validated strictly; unknown keys are refused so that typos cannot pass silently):
 * ```json
 * { "years": [ {
 *     "year": 2027,
 *     "source": { "title": "国务院办公厅关于2027年部分节假日安排的通知", "number": "国办发明电〔2026〕N号",
 *                 "publishedOn": "2026-11-DD", "url": "https://www.gov.cn/…" },
 *     "holidays": [ { "name": "春节", "from": "2027-02-05", "to": "2027-02-12" }, … ],
 *     "adjustedWorkdays": [ { "date": "2027-02-20", "name": "春节" }, … ] } ] }
 * ```
 * - Each year entry is the complete arrangement of that year: every holiday day (ranges are inclusive) and
 *   every make-up working day; all its dates lie in that year. A make-up working day must be a Saturday or
 *   Sunday (otherwise it is a working day anyway and the entry is a typo).
 * - A year the package already has is refused unless `"replacePackageData": true` (a correction of the
 *   package); the entry then replaces the package's data for that year entirely.
 * - A file with `"example": true` (the committed example) is refused: example data is not an official notice.
 */

export type DayKind = "workday" | "weekend" | "holiday" | "adjusted_workday";

export interface DayInfo {
  date: string;
  workingDay: boolean;
  kind: DayKind;
  /** The holiday's name (e.g. 春节); for a make-up working day, the holiday it makes up for. */
  name?: string;
}

const require = createRequire(import.meta.url);
const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The package's English holiday names, in the wording of the notices themselves. */
const HOLIDAY_NAMES: Record<string, string> = {
  "New Year's Day": "元旦",
  "Spring Festival": "春节",
  "Tomb-sweeping Day": "清明节",
  "Labour Day": "劳动节",
  "Dragon Boat Festival": "端午节",
  "Mid-autumn Festival": "中秋节",
  "National Day": "国庆节",
  "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
};

interface SpecialDay {
  kind: "holiday" | "adjusted_workday";
  name: string;
}

/** Days since 1970-01-01 of a valid date, or null when the text is not a real 'YYYY-MM-DD' date. */
function parseDay(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function requireDay(date: string, path: string): number {
  const day = parseDay(date);
  if (day === null) {
    throw new DomainError("VALIDATION_FAILED", {
      fields: [{ path, message: "日期格式应为 YYYY-MM-DD 且为有效日期", messageEn: "Expected a valid date in the form YYYY-MM-DD" }],
    });
  }
  return day;
}

function yearUnavailable(year: number, path: string): DomainError {
  return new DomainError("CALENDAR_YEAR_UNAVAILABLE", {
    fields: [
      {
        path,
        message: `${year}年尚无国务院办公厅节假日安排数据`,
        messageEn: `No official holiday arrangement is loaded for ${year}`,
      },
    ],
  });
}

// --- Override file -------------------------------------------------------------------------------------------

const isoDate = z.iso.date();

const overrideYearSchema = z.strictObject({
  year: z.number().int().min(2004).max(2200),
  replacePackageData: z.boolean().optional(),
  source: z.strictObject({
    title: z.string().min(1),
    number: z.string().min(1),
    publishedOn: isoDate,
    url: z.url().optional(),
  }),
  holidays: z.array(z.strictObject({ name: z.string().min(1), from: isoDate, to: isoDate })).min(1),
  adjustedWorkdays: z.array(z.strictObject({ date: isoDate, name: z.string().min(1) })),
});

export const calendarOverrideSchema = z
  .strictObject({
    $comment: z.string().optional(),
    example: z.boolean().optional(),
    years: z.array(overrideYearSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seenYears = new Set<number>();
    file.years.forEach((entry, i) => {
      const at = (...rest: (string | number)[]) => ["years", i, ...rest];
      if (seenYears.has(entry.year)) ctx.addIssue({ code: "custom", path: at("year"), message: `year ${entry.year} is listed twice` });
      seenYears.add(entry.year);
      const seenDates = new Map<string, string>();
      const claim = (date: string, what: string, path: (string | number)[]) => {
        if (yearOf(date) !== entry.year) ctx.addIssue({ code: "custom", path, message: `${date} is not in ${entry.year}` });
        const before = seenDates.get(date);
        if (before) ctx.addIssue({ code: "custom", path, message: `${date} is listed twice (${before} and ${what})` });
        seenDates.set(date, what);
      };
      entry.holidays.forEach((h, j) => {
        const from = parseDay(h.from);
        const to = parseDay(h.to);
        if (from === null || to === null) return; // already reported by isoDate
        if (to < from) {
          ctx.addIssue({ code: "custom", path: at("holidays", j, "to"), message: "to is before from" });
          return;
        }
        if (to - from > 15) {
          ctx.addIssue({ code: "custom", path: at("holidays", j, "to"), message: "a holiday longer than 16 days is surely a typo" });
          return;
        }
        for (let d = from; d <= to; d++) claim(formatDay(d), `holiday ${h.name}`, at("holidays", j));
      });
      entry.adjustedWorkdays.forEach((w, j) => {
        const day = parseDay(w.date);
        if (day === null) return;
        if (!isWeekend(day)) {
          ctx.addIssue({ code: "custom", path: at("adjustedWorkdays", j, "date"), message: `${w.date} is a weekday, so it cannot be a make-up working day` });
        }
        claim(w.date, `make-up working day ${w.name}`, at("adjustedWorkdays", j, "date"));
      });
    });
  });

export type CalendarOverride = z.output<typeof calendarOverrideSchema>;

/** A calendar override file that cannot be used; the message lists every problem, for the operator. */
export class CalendarOverrideError extends Error {
  constructor(file: string, problems: string[]) {
    super(`Calendar override file ${file} is not valid (节假日补充数据文件有误):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "CalendarOverrideError";
  }
}

function readOverride(file: string): { override: CalendarOverride; digest: string } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new CalendarOverrideError(file, [`cannot be read: ${(e as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CalendarOverrideError(file, [`is not JSON: ${(e as Error).message}`]);
  }
  const parsed = calendarOverrideSchema.safeParse(json);
  if (!parsed.success) {
    throw new CalendarOverrideError(
      file,
      parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`),
    );
  }
  if (parsed.data.example) {
    throw new CalendarOverrideError(file, ['is marked "example": true; example data is not an official notice and is never loaded']);
  }
  return { override: parsed.data, digest: sm3Hex(text) };
}

// --- Package data --------------------------------------------------------------------------------------------

const packageTableSchema = z.object({
  holidays: z.record(isoDate, z.string()),
  workdays: z.record(isoDate, z.string()),
});

/** "Spring Festival,春节,4" → 春节 (the notices' wording; the package abbreviates some names). */
function holidayName(description: string): string {
  const [english = "", chinese] = description.split(",");
  return HOLIDAY_NAMES[english] ?? chinese ?? english;
}

function loadPackageData(): { days: Map<string, SpecialDay>; years: Set<number>; version: string } {
  const table = packageTableSchema.parse(require("chinese-days/dist/chinese-days.json"));
  const { version } = z.object({ version: z.string() }).parse(require("chinese-days/package.json"));
  const days = new Map<string, SpecialDay>();
  const years = new Set<number>();
  for (const [date, description] of Object.entries(table.holidays)) {
    days.set(date, { kind: "holiday", name: holidayName(description) });
    years.add(yearOf(date));
  }
  for (const [date, description] of Object.entries(table.workdays)) {
    days.set(date, { kind: "adjusted_workday", name: holidayName(description) });
  }
  return { days, years, version: `chinese-days@${version}` };
}

// --- The calendar --------------------------------------------------------------------------------------------

export class WorkingDayCalendar {
  /** Years with official data, ascending. A list, not a range: an override may add a year after a gap. */
  readonly years: number[];

  private constructor(
    private readonly days: ReadonlyMap<string, SpecialDay>,
    private readonly yearSet: ReadonlySet<number>,
    /** "chinese-days@1.5.7", plus "+override:<first 12 hex of the file's SM3>" when an override is loaded. */
    readonly version: string,
  ) {
    this.years = [...yearSet].sort((a, b) => a - b);
  }

  /** The package's data, plus the years of `overrideFile` (throws CalendarOverrideError when it is not valid). */
  static load(options: { overrideFile?: string | undefined } = {}): WorkingDayCalendar {
    const base = loadPackageData();
    if (!options.overrideFile) return new WorkingDayCalendar(base.days, base.years, base.version);

    const file = options.overrideFile;
    const { override, digest } = readOverride(file);
    const days = new Map(base.days);
    const years = new Set(base.years);
    for (const entry of override.years) {
      if (years.has(entry.year)) {
        if (!entry.replacePackageData) {
          throw new CalendarOverrideError(file, [
            `year ${entry.year} is already in ${base.version}; set "replacePackageData": true to correct it`,
          ]);
        }
        for (const date of [...days.keys()]) if (yearOf(date) === entry.year) days.delete(date);
      }
      years.add(entry.year);
      for (const h of entry.holidays) {
        for (let d = parseDay(h.from) as number; d <= (parseDay(h.to) as number); d++) {
          days.set(formatDay(d), { kind: "holiday", name: h.name });
        }
      }
      for (const w of entry.adjustedWorkdays) days.set(w.date, { kind: "adjusted_workday", name: w.name });
    }
    return new WorkingDayCalendar(days, years, `${base.version}+override:${digest.slice(0, 12)}`);
  }

  hasYear(year: number): boolean {
    return this.yearSet.has(year);
  }

  /** What kind of day `date` is; CALENDAR_YEAR_UNAVAILABLE for a year without official data. */
  dayInfo(date: string): DayInfo {
    const day = requireDay(date, "date");
    return this.infoOf(day, "date");
  }

  isWorkingDay(date: string): boolean {
    return this.dayInfo(date).workingDay;
  }

  /**
   * The date on which a limit of `workingDays` working days ends when the clock starts on `start` (spec §3):
   * the start day itself is not counted, counting begins with the next working day; 0 answers `start`.
   * Refuses (CALENDAR_YEAR_UNAVAILABLE) when `start` or any day the count passes lies in a year without data.
   */
  dueDate(start: string, workingDays: number): string {
    let day = requireDay(start, "start");
    if (!Number.isSafeInteger(workingDays) || workingDays < 0) {
      throw new DomainError("VALIDATION_FAILED", {
        fields: [{ path: "workingDays", message: "工作日数应为非负整数", messageEn: "workingDays must be a non-negative integer" }],
      });
    }
    this.infoOf(day, "start");
    let remaining = workingDays;
    while (remaining > 0) {
      day += 1;
      if (this.infoOf(day, "workingDays").workingDay) remaining -= 1;
    }
    return formatDay(day);
  }

  /**
   * Working days strictly after `from` up to and including `to` (so dueDate(s, n) is the first day d with
   * workingDaysBetween(s, d) === n). When `to` is before `from` the answer is the negative of the reverse count.
   * Both ends and every day between must lie in years with data.
   */
  workingDaysBetween(from: string, to: string): number {
    const a = requireDay(from, "from");
    const b = requireDay(to, "to");
    if (b < a) return 0 - this.workingDaysBetween(to, from); // 0 − x, never −0
    this.infoOf(a, "from");
    let count = 0;
    for (let day = a + 1; day <= b; day++) if (this.infoOf(day, "to").workingDay) count += 1;
    return count;
  }

  private infoOf(day: number, path: string): DayInfo {
    const date = formatDay(day);
    const year = yearOf(date);
    if (!this.yearSet.has(year)) throw yearUnavailable(year, path);
    const special = this.days.get(date);
    if (special?.kind === "holiday") return { date, workingDay: false, kind: "holiday", name: special.name };
    if (special?.kind === "adjusted_workday") return { date, workingDay: true, kind: "adjusted_workday", name: special.name };
    return isWeekend(day) ? { date, workingDay: false, kind: "weekend" } : { date, workingDay: true, kind: "workday" };
  }
}
