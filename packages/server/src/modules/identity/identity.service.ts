import { type Role, ROLE_PERMISSIONS, roleRequiresSecondFactor } from "@tzxm/shared";
import type { Kysely } from "kysely";
import type { Config } from "../../config/env.js";
import { regionPrefixOf } from "../../db/data-scope.js";
import type { DB } from "../../db/schema.js";
import { now } from "../../platform/clock.js";
import { randomToken, sm3Hex } from "../../platform/crypto.js";
import { DomainError } from "../../platform/errors.js";
import { FieldCipher } from "../../platform/field-crypto.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import * as repo from "./identity.repository.js";
import type { UserRecord } from "./identity.repository.js";
import { checkPasswordPolicy, PASSWORD_HISTORY_DEPTH } from "./password-policy.js";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords.js";
import type { AuthUser } from "./request-user.js";
import { generateTotpSecret, otpauthUrl, verifyTotp } from "./totp.js";

export interface IdentityContext {
  db: Kysely<DB>;
  config: Config;
}

function needsSecondFactor(config: Config, u: Pick<UserRecord, "role" | "second_factor_exempt">): boolean {
  return roleRequiresSecondFactor(u.role) && !(config.DEMO_MODE && u.second_factor_exempt);
}

/**
 * Which data the user sees: the region of its organisation and below; a project unit only its own data,
 * wherever it lies (a unit registered in one county builds and declares in others, and must see those projects).
 */
export function scopeFor(u: Pick<UserRecord, "role" | "organisation_id" | "region_code">) {
  if (u.role === "project_unit") return { regionPrefix: "", organisationId: u.organisation_id };
  if (u.role === "officer" || u.role === "leader") return { regionPrefix: regionPrefixOf(u.region_code), departmentId: u.organisation_id };
  return { regionPrefix: regionPrefixOf(u.region_code) };
}

export function toAuthUser(config: Config, u: UserRecord, session: { id: string; csrf_token: string }): AuthUser {
  const enrolled = u.totp_secret !== null;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    permissions: ROLE_PERMISSIONS[u.role],
    organisation: { id: u.organisation_id, name: u.organisation_name, kind: u.organisation_kind, regionCode: u.region_code },
    scope: scopeFor(u),
    sessionId: session.id,
    csrfToken: session.csrf_token,
    secondFactorEnrolled: enrolled,
    mustEnrolSecondFactor: needsSecondFactor(config, u) && !enrolled,
  };
}

export interface LoginInput {
  username: string;
  password: string;
  otp?: string | undefined;
  ip: string;
  userAgent?: string | undefined;
  requestId: string;
}

/**
 * Password sign-in with lockout (等保三级 登录失败处理). The argon2 check runs outside any transaction; each
 * outcome (failure count, lock, session) is then written with its audit event in one transaction, and the
 * error, if any, is thrown only after that commit so that failures are never rolled back with it.
 */
export async function login(ctx: IdentityContext, input: LoginInput): Promise<{ token: string; user: AuthUser }> {
  const { db, config } = ctx;
  const at = now();
  const actor = (u?: UserRecord): AuditActor => ({
    userId: u?.id,
    label: u?.username ?? input.username,
    organisationId: u?.organisation_id,
    regionCode: u?.region_code,
    requestId: input.requestId,
    ip: input.ip,
  });
  const user = await repo.findUserByUsername(db, input.username);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    await db.transaction().execute((tx) =>
      recordAudit(tx, { type: "auth.login_failed", actor: actor(), subject: input.username, payload: { username: input.username, reason: "unknown_user" } }),
    );
    throw new DomainError("INVALID_CREDENTIALS");
  }
  if (user.locked_until && user.locked_until > at) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, { type: "auth.login_failed", actor: actor(user), subject: user.username, payload: { username: user.username, reason: "locked" } }),
    );
    throw lockedError(user.locked_until);
  }
  if (user.disabled) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, { type: "auth.login_failed", actor: actor(user), subject: user.username, payload: { username: user.username, reason: "disabled" } }),
    );
    throw new DomainError("ACCOUNT_DISABLED");
  }

  const passwordOk = await verifyPassword(user.password_hash, input.password);
  const secondFactor = needsSecondFactor(config, user) && user.totp_secret !== null;
  if (passwordOk && secondFactor && !input.otp) throw new DomainError("SECOND_FACTOR_REQUIRED");
  const otpOk = !secondFactor || (input.otp !== undefined && verifyTotp(new FieldCipher(config.FIELD_ENCRYPTION_KEY).decrypt(user.totp_secret!), input.otp, at));

  if (!passwordOk || !otpOk) {
    const lockUntil = new Date(at.getTime() + config.LOCKOUT_MINUTES * 60_000);
    const locked = await db.transaction().execute(async (tx) => {
      const r = await repo.recordFailure(tx, user.id, config.LOCKOUT_THRESHOLD, lockUntil);
      const reason = passwordOk ? "bad_second_factor" : "bad_password";
      await recordAudit(tx, { type: "auth.login_failed", actor: actor(user), subject: user.username, payload: { username: user.username, reason } });
      const justLocked = r.locked_until !== null && r.locked_until.getTime() === lockUntil.getTime();
      if (justLocked) {
        await recordAudit(tx, {
          type: "auth.account_locked",
          actor: actor(user),
          subject: user.username,
          payload: { username: user.username, failures: config.LOCKOUT_THRESHOLD, lockedUntil: lockUntil.toISOString() },
        });
      }
      return justLocked;
    });
    if (locked) throw lockedError(lockUntil);
    throw new DomainError(passwordOk ? "SECOND_FACTOR_INVALID" : "INVALID_CREDENTIALS");
  }

  const token = randomToken();
  const session = { id: sm3Hex(token), csrf_token: randomToken() };
  await db.transaction().execute(async (tx) => {
    await repo.resetFailures(tx, user.id);
    await repo.insertSession(tx, {
      ...session,
      user_id: user.id,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(at.getTime() + config.SESSION_ABSOLUTE_HOURS * 3_600_000),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, {
      type: "auth.login_succeeded",
      actor: actor(user),
      subject: user.username,
      payload: { secondFactor, sessionId: session.id.slice(0, 16) },
    });
  });
  return { token, user: toAuthUser(config, user, session) };
}

function lockedError(until: Date): DomainError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now().getTime()) / 60_000));
  return new DomainError("ACCOUNT_LOCKED", {
    message: `登录失败次数过多，账户已被锁定，请 ${minutes} 分钟后再试`,
    messageEn: `Too many failed sign-ins; the account is locked for ${minutes} more minute(s)`,
    headers: { "retry-after": String(minutes * 60) },
  });
}

export type SessionResolution = { user: AuthUser } | { expired: true } | null;

/**
 * The session behind a cookie token, enforcing the idle timeout and the absolute lifetime (等保三级 会话超时).
 * An expired session is ended and audited; last_seen_at is written at most every 15 s to spare the database.
 */
export async function resolveSession(ctx: IdentityContext, token: string, requestId: string, ip: string): Promise<SessionResolution> {
  const { db, config } = ctx;
  const id = sm3Hex(token);
  const row = await repo.findLiveSession(db, id);
  if (!row) return null;
  const at = now();
  const idleLimit = config.SESSION_IDLE_MINUTES * 60_000;
  const reason = at > row.expires_at ? "absolute_lifetime" : at.getTime() - row.last_seen_at.getTime() > idleLimit ? "idle_timeout" : null;
  if (reason) {
    await db.transaction().execute(async (tx) => {
      const ended = await repo.endSession(tx, id, at, reason);
      if (Number(ended.numUpdatedRows) > 0) {
        await recordAudit(tx, {
          type: "auth.session_expired",
          actor: { userId: row.id, label: row.username, organisationId: row.organisation_id, regionCode: row.region_code, requestId, ip },
          subject: row.username,
          payload: { sessionId: id.slice(0, 16), reason },
        });
      }
    });
    return { expired: true };
  }
  if (at.getTime() - row.last_seen_at.getTime() > 15_000) await repo.touchSession(db, id, at);
  return { user: toAuthUser(config, row, { id, csrf_token: row.csrf_token }) };
}

export async function logout(ctx: IdentityContext, user: AuthUser, actor: AuditActor) {
  await ctx.db.transaction().execute(async (tx) => {
    await repo.endSession(tx, user.sessionId, now(), "logout");
    await recordAudit(tx, { type: "auth.logout", actor, subject: user.username, payload: { sessionId: user.sessionId.slice(0, 16) } });
  });
}

export async function changePassword(ctx: IdentityContext, user: AuthUser, input: { currentPassword: string; newPassword: string }, actor: AuditActor) {
  const { db } = ctx;
  const record = await repo.findUserByUsername(db, user.username);
  if (!record || !(await verifyPassword(record.password_hash, input.currentPassword))) {
    throw new DomainError("INVALID_CREDENTIALS", {
      fields: [{ path: "currentPassword", message: "当前密码错误", messageEn: "The current password is wrong" }],
    });
  }
  const problems = checkPasswordPolicy(input.newPassword, user.username);
  if (problems.length) throw new DomainError("PASSWORD_POLICY_VIOLATION", { fields: problems });
  // "No reuse of the last 5": the history holds every password set, the current one included.
  for (const old of await repo.recentPasswordHashes(db, user.id, PASSWORD_HISTORY_DEPTH)) {
    if (await verifyPassword(old.password_hash, input.newPassword)) {
      throw new DomainError("PASSWORD_REUSED", {
        fields: [{ path: "newPassword", message: "不能使用最近 5 次用过的密码", messageEn: "Used within the last 5 passwords" }],
      });
    }
  }
  const hash = await hashPassword(input.newPassword);
  const at = now();
  await db.transaction().execute(async (tx) => {
    await repo.setPassword(tx, user.id, hash, at);
    await repo.endSessionsOfUser(tx, user.id, at, "password_changed", user.sessionId);
    await recordAudit(tx, { type: "auth.password_changed", actor, subject: user.username, payload: { byAdministrator: false } });
  });
}

/** Offers a new TOTP seed; it is kept (SM4-encrypted) on the session until a valid code confirms it. */
export async function setupSecondFactor(ctx: IdentityContext, user: AuthUser) {
  if (user.secondFactorEnrolled) throw new DomainError("STATE_CONFLICT", { message: "已绑定动态口令", messageEn: "A second factor is already enrolled" });
  const secret = generateTotpSecret();
  await repo.setPendingTotpSecret(ctx.db, user.sessionId, new FieldCipher(ctx.config.FIELD_ENCRYPTION_KEY).encrypt(secret));
  return { secret, otpauthUrl: otpauthUrl(ctx.config.PLATFORM_NAME, user.username, secret) };
}

export async function confirmSecondFactor(ctx: IdentityContext, user: AuthUser, input: { otp: string }, actor: AuditActor) {
  if (user.secondFactorEnrolled) throw new DomainError("STATE_CONFLICT", { message: "已绑定动态口令", messageEn: "A second factor is already enrolled" });
  const pending = await repo.pendingTotpSecret(ctx.db, user.sessionId);
  if (!pending) throw new DomainError("STATE_CONFLICT", { message: "请先获取新的动态口令密钥", messageEn: "Request a new second-factor secret first" });
  const secret = new FieldCipher(ctx.config.FIELD_ENCRYPTION_KEY).decrypt(pending);
  if (!verifyTotp(secret, input.otp, now())) {
    throw new DomainError("SECOND_FACTOR_INVALID", { fields: [{ path: "otp", message: "动态口令错误", messageEn: "Wrong one-time code" }] });
  }
  await ctx.db.transaction().execute(async (tx) => {
    await repo.setTotpSecret(tx, user.id, pending);
    await repo.setPendingTotpSecret(tx, user.sessionId, null);
    await recordAudit(tx, { type: "auth.second_factor_enrolled", actor, subject: user.username, payload: {} });
  });
}

/** Checks that a role fits the kind of organisation it is given (项目单位 users only in project units, …). */
export function roleFitsOrganisation(role: Role, kind: string): boolean {
  if (kind === "project_unit") return role === "project_unit";
  // An intermediary's staff answer commissions (Art. 16) and nothing else; no other organisation has them.
  if (kind === "intermediary" || role === "intermediary") return kind === "intermediary" && role === "intermediary";
  if (role === "project_unit") return false;
  if (role === "supervisor") return kind === "comprehensive";
  if (role === "ops_admin" || role === "security_admin" || role === "audit_admin") return kind === "operations" || kind === "comprehensive";
  return kind === "application" || kind === "comprehensive";
}
