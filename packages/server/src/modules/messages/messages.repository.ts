import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema.js";

type Q = Kysely<DB> | Transaction<DB>;

/** Messages to the user, or to the user's whole organisation (a project unit hears of its cases this way). */
export function messagesFor(db: Q, userId: number, organisationId: number, limit: number, unreadOnly: boolean) {
  let q = db
    .selectFrom("user_message")
    .select(["id", "kind", "subject", "title", "title_en", "body", "body_en", "created_at", "read_at"])
    .where((eb) => eb.or([eb("user_id", "=", userId), eb.and([eb("user_id", "is", null), eb("organisation_id", "=", organisationId)])]));
  if (unreadOnly) q = q.where("read_at", "is", null);
  return q.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

export function countUnread(db: Q, userId: number, organisationId: number) {
  return db
    .selectFrom("user_message")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("read_at", "is", null)
    .where((eb) => eb.or([eb("user_id", "=", userId), eb.and([eb("user_id", "is", null), eb("organisation_id", "=", organisationId)])]))
    .executeTakeFirstOrThrow();
}

export function markRead(db: Q, id: number, userId: number, organisationId: number, at: Date) {
  return db
    .updateTable("user_message")
    .set({ read_at: at })
    .where("id", "=", id)
    .where("read_at", "is", null)
    .where((eb) => eb.or([eb("user_id", "=", userId), eb.and([eb("user_id", "is", null), eb("organisation_id", "=", organisationId)])]))
    .executeTakeFirst();
}
