import dayjs from "dayjs";

/** Instants are shown in the browser's time zone, to the second (audit and sign-in times). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return "—";
  const value = dayjs(iso);
  return value.isValid() ? value.format("YYYY-MM-DD HH:mm:ss") : iso;
}

export function splitUptime(seconds: number): { d: number; h: number; m: number } {
  const total = Math.max(0, Math.floor(seconds));
  return { d: Math.floor(total / 86400), h: Math.floor((total % 86400) / 3600), m: Math.floor((total % 3600) / 60) };
}
