import type { FastifyRateLimitOptions, FastifyRateLimitStore, FastifyRateLimitStoreCtor } from "@fastify/rate-limit";
import { type Kysely, sql } from "kysely";
import type { DB } from "../db/schema.js";
import { now } from "../platform/clock.js";

/**
 * A store for @fastify/rate-limit in the platform's PostgreSQL, so that a limit (sign-in attempts per address,
 * open-data downloads) counts the requests of every app process together. Fixed windows: the first request of a
 * key opens one, the counter grows until it closes. Expired rows are swept now and then.
 */
type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

/** What the plugin passes: its options, and for a route's child store the route (`routeInfo`). */
type StoreOptions = FastifyRateLimitOptions & { routeInfo?: { method?: string; url?: string } };

let incrementsSinceSweep = 0;

export function databaseRateLimitStore(db: Kysely<DB>): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    constructor(readonly options: StoreOptions = {}) {
      const route = options.routeInfo;
      this.prefix = route ? `${route.method ?? ""} ${route.url ?? ""}|` : "global|";
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const at = now();
      const expired = new Date(at.getTime() - timeWindow);
      sql<{ count: number; window_start: Date }>`
        insert into rate_limit_counter (key, window_start, count) values (${this.prefix + key}, ${at}, 1)
        on conflict (key) do update set
          count = case when rate_limit_counter.window_start <= ${expired} then 1 else rate_limit_counter.count + 1 end,
          window_start = case when rate_limit_counter.window_start <= ${expired} then ${at} else rate_limit_counter.window_start end
        returning count, window_start`
        .execute(db)
        .then((r) => {
          const row = r.rows[0]!;
          const started = new Date(row.window_start).getTime();
          cb(null, { current: Number(row.count), ttl: Math.max(0, started + timeWindow - at.getTime()) });
          if (++incrementsSinceSweep >= 1000) {
            incrementsSinceSweep = 0;
            void db.deleteFrom("rate_limit_counter").where("window_start", "<", new Date(at.getTime() - 86_400_000)).execute().catch(() => undefined);
          }
        })
        .catch((error: Error) => cb(error));
    }

    read(key: string, cb: Callback, timeWindow: number): void {
      const at = now();
      db.selectFrom("rate_limit_counter")
        .select(["count", "window_start"])
        .where("key", "=", this.prefix + key)
        .executeTakeFirst()
        .then((row) => {
          const started = row ? new Date(row.window_start).getTime() : 0;
          if (!row || started + timeWindow <= at.getTime()) cb(null, { current: 0, ttl: 0 });
          else cb(null, { current: Number(row.count), ttl: started + timeWindow - at.getTime() });
        })
        .catch((error: Error) => cb(error));
    }

    child(routeOptions: Parameters<FastifyRateLimitStore["child"]>[0]): FastifyRateLimitStore {
      return new DatabaseRateLimitStore({ ...this.options, ...(routeOptions as StoreOptions) });
    }
  };
}
