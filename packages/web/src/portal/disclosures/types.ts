/** `GET /api/v1/public/disclosures` (信息公开, spec §8) and the open-data downloads beside it. */
import type { DisclosureKind, PublicDisclosure } from "@tzxm/shared";

export { DISCLOSURE_KINDS, type DisclosureKind, type ManagedDisclosure, type PublicDisclosure } from "@tzxm/shared";

export interface DisclosureList<T = PublicDisclosure> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface DisclosureFilters {
  kind?: DisclosureKind;
  q?: string;
  department?: string;
  region?: string;
  from?: string;
  to?: string;
}

/** The open-data download of the list as filtered (page and size aside: a download holds every match). */
export function downloadUrl(format: "csv" | "xlsx" | "json", filters: DisclosureFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  const query = params.toString();
  return `/api/v1/open-data/disclosures.${format}${query ? `?${query}` : ""}`;
}

export const CATALOG_URL = "/api/v1/open-data/catalog.json";
