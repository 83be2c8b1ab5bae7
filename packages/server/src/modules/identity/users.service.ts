import type { Role } from "@tzxm/shared";
import { DomainError } from "../../platform/errors.js";
import type { AuditActor } from "../audit/audit.catalogue.js";
import { recordAudit } from "../audit/audit.service.js";
import type { IdentityContext } from "./identity.service.js";
import { roleFitsOrganisation } from "./identity.service.js";
import * as repo from "./identity.repository.js";
import { checkPasswordPolicy } from "./password-policy.js";
import { hashPassword } from "./passwords.js";
import type { AuthUser } from "./request-user.js";

/** User administration by the security administrator (安全管理员), always within the administrator's scope. */
export async function createUser(
  ctx: IdentityContext,
  admin: AuthUser,
  input: { username: string; displayName: string; role: Role; organisationId: number; password: string },
  actor: AuditActor,
) {
  const { db } = ctx;
  const org = await repo.findOrganisationInScope(db, admin.scope, input.organisationId);
  if (!org) {
    throw new DomainError("ORGANISATION_UNKNOWN", {
      fields: [{ path: "organisationId", message: "所属单位不存在或不在您的管辖范围内", messageEn: "Unknown organisation or outside your scope" }],
    });
  }
  if (!roleFitsOrganisation(input.role, org.kind)) {
    throw new DomainError("ROLE_NOT_ALLOWED_FOR_ORGANISATION", {
      fields: [{ path: "role", message: "该角色与所属单位类型不匹配", messageEn: "This role does not fit the organisation's kind" }],
    });
  }
  const problems = checkPasswordPolicy(input.password, input.username, "password");
  if (problems.length) throw new DomainError("PASSWORD_POLICY_VIOLATION", { fields: problems });
  if (await repo.usernameExists(db, input.username)) {
    throw new DomainError("USERNAME_TAKEN", { fields: [{ path: "username", message: "用户名已存在", messageEn: "Username taken" }] });
  }
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    const id = await repo.insertUser(tx, {
      username: input.username,
      display_name: input.displayName,
      organisation_id: org.id,
      role: input.role,
      password_hash: hash,
    });
    await recordAudit(tx, {
      type: "user.created",
      actor,
      subject: input.username,
      regionCode: org.region_code,
      payload: { userId: id, username: input.username, role: input.role, organisationId: org.id },
    });
    return id;
  });
}

export async function unlockUser(ctx: IdentityContext, admin: AuthUser, userId: number, actor: AuditActor) {
  const target = await repo.findUserInScope(ctx.db, admin.scope, userId);
  if (!target) throw new DomainError("NOT_FOUND");
  await ctx.db.transaction().execute(async (tx) => {
    await repo.resetFailures(tx, userId);
    await recordAudit(tx, { type: "user.unlocked", actor, subject: target.username, regionCode: target.region_code, payload: { userId, username: target.username } });
  });
}
