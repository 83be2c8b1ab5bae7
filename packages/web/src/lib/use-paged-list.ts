import type { TablePaginationConfig } from "antd";
import { useState } from "react";
import type { Query } from "../api/client.js";
import { type Loaded, useApi } from "../api/hooks.js";
import type { Page } from "../api/types.js";
import { listPagination } from "../components/listPagination.js";
import { useI18n } from "../i18n/index.js";

export interface PagedList<T, F extends Query> extends Loaded<Page<T>> {
  /** The filters in force (and the page). */
  filters: F & { page: number; pageSize: number };
  /** Changes filters; a changed filter shows its first page. */
  filter(patch: Partial<F>): void;
  /** Spread onto the antd Table: `<Table rowKey="id" columns={…} {...list.table} />`. */
  table: { loading: boolean; dataSource: T[]; pagination: TablePaginationConfig };
}

/** A back-office list of `path`, 20 to a page, fetched again whenever a filter or the page changes. */
export function usePagedList<T, F extends Query = Query>(path: string, initialFilters?: F): PagedList<T, F> {
  const { t } = useI18n();
  const [query, setQuery] = useState<F & { page: number; pageSize: number }>({ ...(initialFilters as F), page: 1, pageSize: 20 });
  const loaded = useApi<Page<T>>(path, query);
  return {
    ...loaded,
    filters: query,
    filter: (patch) => setQuery({ ...query, ...patch, page: 1 }),
    table: { loading: loaded.loading, dataSource: loaded.data?.items ?? [], pagination: listPagination(query, loaded.data?.total, setQuery, t) },
  };
}

/** The rows' test ids, `<prefix>-<id>`, which the browser tests find rows by. */
export function rowTestId<T extends { id: number | string }>(prefix: string) {
  return (row: T) => ({ "data-testid": `${prefix}-${row.id}` }) as React.HTMLAttributes<HTMLElement>;
}
