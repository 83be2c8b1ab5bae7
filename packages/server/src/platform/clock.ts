/**
 * The one source of business time (architecture: "one now() for the whole server"). Tests move it with
 * Vitest fake timers, which replace Date; nothing else calls `new Date()` for business time.
 */
export function now(): Date {
  return new Date();
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date (YYYY-MM-DD) in China Standard Time of an instant: business dates are CST. */
export function cstDate(at: Date = now()): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
