import { type Kysely, type Transaction, sql } from "kysely";
import type { DB } from "../../db/schema.js";
import { type BackgroundLoop, startBackgroundLoop } from "../../platform/background-loop.js";
import { now } from "../../platform/clock.js";
import { type MailMessage, sendMail } from "../../platform/smtp.js";

/**
 * The e-mail outbox: notices are queued in the transaction that decides them (so a mail is never lost when the
 * mail server is down, and never sent for a change that rolled back), and delivered by a loop in every process,
 * each row claimed with FOR UPDATE SKIP LOCKED under a lease so that two processes do not send the same mail.
 * Failures are retried with a growing delay and recorded; after 8 attempts a mail stays in the outbox, unsent.
 */
type Q = Kysely<DB> | Transaction<DB>;

export interface QueuedMail {
  userId: number;
  kind: string;
  subject: string;
  body: string;
}

/** Queues a mail for each user who gave an address; users without one get the in-app message only. */
export async function queueMails(tx: Q, mails: QueuedMail[], at: Date = now()): Promise<number> {
  if (mails.length === 0) return 0;
  const users = await tx.selectFrom("app_user").select(["id", "email"]).where("id", "in", [...new Set(mails.map((m) => m.userId))]).where("email", "is not", null).execute();
  const address = new Map(users.map((u) => [u.id, u.email!]));
  const rows = mails.flatMap((m) => {
    const to = address.get(m.userId);
    return to ? [{ user_id: m.userId, to_address: to, subject: m.subject, body: m.body, kind: m.kind, created_at: at, next_attempt_at: at }] : [];
  });
  if (rows.length > 0) await tx.insertInto("email_outbox").values(rows).execute();
  return rows.length;
}

const MAX_ATTEMPTS = 8;

/** Minutes before the next try: 1, 2, 4 … up to 4 hours. */
function backoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 240);
}

export type Sender = (message: MailMessage) => Promise<void>;

export function smtpSender(smtpUrl: string): Sender {
  return (message) => sendMail(smtpUrl, message, now());
}

/** How long a claimed mail is reserved for the process sending it; after a crash another process takes it over. */
const LEASE_MINUTES = 10;

/**
 * Sends the mails that are due. Each is claimed by one short statement (a lease, so the database is never held
 * while the mail server talks), sent, then marked sent or given its next attempt. Delivery is at least once: a
 * process that dies after sending and before marking lets another send the mail again after the lease.
 */
export async function deliverDueMails(db: Kysely<DB>, send: Sender, from: string, limit = 100): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const claimed = await sql<{ id: number; to_address: string; subject: string; body: string; attempts: number }>`
      update email_outbox
         set attempts = attempts + 1,
             next_attempt_at = ${now()}::timestamptz + ${`${LEASE_MINUTES} minutes`}::interval
       where id = (select id from email_outbox
                    where sent_at is null and attempts < ${MAX_ATTEMPTS} and next_attempt_at <= ${now()}
                    order by next_attempt_at limit 1 for update skip locked)
      returning id, to_address, subject, body, attempts`.execute(db);
    const row = claimed.rows[0];
    if (!row) break;
    try {
      await send({ from, to: row.to_address, subject: row.subject, text: row.body });
      await db.updateTable("email_outbox").set({ sent_at: now(), last_error: null }).where("id", "=", row.id).execute();
      sent++;
    } catch (error) {
      await db
        .updateTable("email_outbox")
        .set({ last_error: String((error as Error).message ?? error).slice(0, 500), next_attempt_at: sql<Date>`${now()}::timestamptz + ${`${backoffMinutes(row.attempts)} minutes`}::interval` })
        .where("id", "=", row.id)
        .execute();
      failed++;
    }
  }
  return { sent, failed };
}

export function startMailSender(db: Kysely<DB>, send: Sender, from: string, intervalMs: number, onError: (e: unknown) => void): BackgroundLoop {
  return startBackgroundLoop(() => deliverDueMails(db, send, from), intervalMs, onError, intervalMs);
}
