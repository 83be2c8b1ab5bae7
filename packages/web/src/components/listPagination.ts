import type { TablePaginationConfig } from "antd";
import type { I18n } from "../i18n/index.js";

/** The pagination of every server-paged list (spec §1: page from 1, pageSize 1..100, total). */
export function listPagination<Q extends { page: number; pageSize: number }>(
  query: Q,
  total: number | undefined,
  setQuery: (next: Q) => void,
  t: I18n["t"],
): TablePaginationConfig {
  return {
    current: query.page,
    pageSize: query.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (n) => t("total", { total: n }),
    onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }),
  };
}
