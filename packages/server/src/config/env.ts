import { z } from "zod";
import { PLATFORM_LEVELS } from "@tzxm/shared";
import { DEMO_FIELD_KEY } from "../platform/field-crypto.js";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/**
 * The whole configuration, validated once at boot (as Outline's server/env.ts). Every variable is listed in
 * the README. A bad value stops start-up with a readable list of what is wrong.
 */
const baseSchema = z.object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    /** Embedded PGlite data directory; ignored when DATABASE_URL is set. */
    DATA_DIR: z.string().min(1).default("./data"),
    /** Uploaded files (申请材料, attachments); default `<DATA_DIR>/files`. Several app hosts need a shared directory. */
    FILE_STORE_DIR: z.string().min(1).optional(),
    /** Largest 申请材料 upload in bytes (default 50 MB); a guide's maxSizeMb can only lower it. The body is held in memory. */
    MATERIAL_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(50 * 1024 * 1024),
    /** A real PostgreSQL (production), e.g. postgres://user:pass@host:5432/tzxm */
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://").optional(),
    PLATFORM_LEVEL: z.enum(PLATFORM_LEVELS).default("provincial"),
    PLATFORM_REGION: z.string().regex(/^\d{6}$/, "must be a 6-digit GB/T 2260 code").default("330000"),
    PLATFORM_NAME: z.string().default("浙江省投资项目在线审批监管平台"),
    /** The portal's public address, encoded in QR labels (e.g. https://tzxm.zj.gov.cn). */
    PUBLIC_BASE_URL: z.url().optional(),
    /** Demo mode: loads demo data, shows the 演示环境 banner and waives the second factor for demo users. */
    DEMO_MODE: bool.optional(),
    DEMO_PASSWORD: z.string().min(8).default("Demo#2026"),
    /** Sample projects with cases in every state in a fresh demo database (tests that count cases turn it off). */
    DEMO_SAMPLE_CASES: bool.default(true),
    /** Load demo data into a DATABASE_URL database too (never by default). */
    DEMO_DATA_ON_POSTGRES: bool.default(false),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
    LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
    LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
    /** Sign-in attempts per client address per minute (spec §1 asks for at least 20). */
    LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(20).max(10000).default(30),
    /** Use Secure cookies; on by default in production. */
    COOKIE_SECURE: bool.optional(),
    /** How often the audit sealer runs, in milliseconds. */
    AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(50).max(60000).default(1000),
    /** A JSON file of extra calendar years (official notices newer than the chinese-days package). */
    CALENDAR_OVERRIDE_FILE: z.string().optional(),
    /** 64 hex characters: the SM4 key for secrets stored in fields (second-factor seeds). Required outside demo mode. */
    FIELD_ENCRYPTION_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, "must be 64 hex characters").optional(),
    /** A case gets its yellow warning when this many working days or fewer remain (spec §6 default 3). */
    CASE_WARN_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(3),
    /** How often each process sweeps open cases' deadlines and warnings, in milliseconds. */
    CASE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
    /** How often each process evaluates the 电子监察 rules and raises cards, in milliseconds. */
    CARD_SWEEP_INTERVAL_MS: z.coerce.number().int().min(200).max(3_600_000).default(120_000),
    /** Closed cases are evaluated again for this many days (a step or a fee reported late still raises its card). */
    CARD_SWEEP_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /** How often each process sweeps implementation monitoring (report reminders, lapse, delisting), in milliseconds. */
    MONITORING_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(600_000),
    /** Working days between the reminder to a dormant filed project and its removal from the public record (令2018年第14号 第十五条 sets none). */
    MONITORING_DORMANCY_GRACE_WORKING_DAYS: z.coerce.number().int().min(1).max(250).default(20),
    /** A progress report is "due soon" (and reminded) when this many working days or fewer remain. */
    MONITORING_REMIND_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(5),
    /** How often each process publishes new results to 信息公开 (Art. 18: 及时公开), in milliseconds. */
    DISCLOSURE_PUBLISH_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
    /** Mail relay for notices: smtp://[user:pass@]host[:port] (STARTTLS when offered) or smtps://…; unset: in-app only. */
    SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
    /** Sender of notices, e.g. "浙江省投资项目在线审批监管平台 <noreply@tzxm.zj.gov.cn>". */
    SMTP_FROM: z.string().min(3).default("noreply@tzxm.local"),
    /** When set, /metrics answers only `Authorization: Bearer <METRICS_TOKEN>` (at least 24 characters). */
    METRICS_TOKEN: z.string().min(24).optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Directory of the built web application (served at / and /admin). */
    WEB_DIST_DIR: z.string().optional(),
  });
const configShape = baseSchema.shape;

export const configSchema = baseSchema
  .superRefine((c, ctx) => {
    if (c.PLATFORM_LEVEL === "central" && c.PLATFORM_REGION !== "100000") {
      ctx.addIssue({ code: "custom", path: ["PLATFORM_REGION"], message: "a central platform has region 100000" });
    }
    if (c.PLATFORM_LEVEL === "provincial" && !/^\d{2}0000$/.test(c.PLATFORM_REGION)) {
      ctx.addIssue({ code: "custom", path: ["PLATFORM_REGION"], message: "a provincial platform needs a province code (NN0000)" });
    }
    if (c.PLATFORM_LEVEL === "provincial" && c.PLATFORM_REGION === "100000") {
      ctx.addIssue({ code: "custom", path: ["PLATFORM_REGION"], message: "100000 is the central platform's region" });
    }
  })
  .transform((c, ctx) => {
    // Demo mode defaults on for the embedded database and off for a real PostgreSQL.
    const demo = c.DEMO_MODE ?? !c.DATABASE_URL;
    if (!demo && !c.FIELD_ENCRYPTION_KEY) {
      ctx.addIssue({ code: "custom", path: ["FIELD_ENCRYPTION_KEY"], message: "required outside demo mode (64 hex characters)" });
      return z.NEVER;
    }
    return {
      ...c,
      DEMO_MODE: demo,
      FILE_STORE_DIR: c.FILE_STORE_DIR ?? `${c.DATA_DIR.replace(/\/$/, "")}/files`,
      PUBLIC_BASE_URL: (c.PUBLIC_BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ""),
      FIELD_ENCRYPTION_KEY: c.FIELD_ENCRYPTION_KEY ?? DEMO_FIELD_KEY,
      COOKIE_SECURE: c.COOKIE_SECURE ?? c.NODE_ENV === "production",
    };
  });

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration 配置错误:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configShape).flatMap((k) => {
      const v = env[k];
      return v === undefined || v === "" ? [] : [[k, v]];
    }),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "(config)"}: ${i.message}`));
  }
  return parsed.data;
}
