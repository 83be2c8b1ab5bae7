import type { Kysely } from "kysely";
import type { DB } from "../db/schema.js";
import { systemActor } from "../modules/audit/audit.catalogue.js";
import { recordAudit } from "../modules/audit/audit.service.js";
import { insertOrganisation, insertUser } from "../modules/identity/identity.repository.js";
import { hashPassword } from "../modules/identity/passwords.js";
import { creditCodeCheckCharacter } from "../modules/reference/credit-code.js";
import { DEMO_ORGANISATIONS, DEMO_USERS } from "./demo-data.js";

/**
 * Loads the demo organisations and users once, into an empty database (no users yet), in one transaction with
 * its audit event. Returns false when the database already has users.
 */
export async function seedDemo(db: Kysely<DB>, password: string): Promise<boolean> {
  const existing = await db.selectFrom("app_user").select("id").limit(1).executeTakeFirst();
  if (existing) return false;
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const ids = new Map<string, number>();
    for (const o of DEMO_ORGANISATIONS) {
      const check = o.creditCodeStem ? creditCodeCheckCharacter(o.creditCodeStem) : null;
      if (o.creditCodeStem && !check) throw new Error(`demo credit code stem ${o.creditCodeStem} is malformed`);
      const credit = o.creditCodeStem ? o.creditCodeStem + check : null;
      const row = await insertOrganisation(tx, { kind: o.kind, name: o.name, short_name: o.shortName, region_code: o.regionCode, credit_code: credit });
      ids.set(o.key, row.id);
    }
    for (const u of DEMO_USERS) {
      await insertUser(tx, {
        username: u.username,
        display_name: u.displayName,
        organisation_id: ids.get(u.organisation)!,
        role: u.role,
        password_hash: hash,
        second_factor_exempt: true,
      });
    }
    await recordAudit(tx, {
      type: "demo.seeded",
      actor: systemActor("demo-seed"),
      regionCode: "330000",
      payload: { organisations: DEMO_ORGANISATIONS.length, users: DEMO_USERS.length },
    });
  });
  return true;
}
