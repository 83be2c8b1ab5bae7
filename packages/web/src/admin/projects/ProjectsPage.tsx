import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { type ApiError, buildUrl } from "../../api/client.js";
import { useApi } from "../../api/hooks.js";
import type { Page } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { useSession } from "../../context/SessionContext.js";
import { isDictKey, useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { ProjectDrawer } from "./ProjectDrawer.js";
import { ProjectFilterForm } from "./ProjectFilterForm.js";
import { useLinkedProject } from "./useLinkedProject.js";
import type { ProjectFilters, ProjectListItem, ProjectQuery } from "./types.js";

/**
 * 项目管理 (departments: every project in their data scope) and 我的项目 (a project unit: its own projects):
 * one page over GET /projects, the server applying the scope. The export is a plain GET of the same filters.
 */
export function ProjectsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const isUnit = user?.role === "project_unit";
  const [query, setQuery] = useState<ProjectQuery>({ page: 1, pageSize: 20 });
  const [filterError, setFilterError] = useState<ApiError>();
  const [opened, setOpened] = useState<ProjectListItem | null>(null);
  const linked = useLinkedProject();
  const { data, error, loading, reload } = useApi<Page<ProjectListItem>>("/projects", query);
  const label = (key: string, fallback: string) => (isDictKey(key) ? t(key) : fallback);
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const exportHref = buildUrl("/projects/export.xlsx", filters);

  const columns: ColumnsType<ProjectListItem> = [
    {
      title: t("codeField"),
      dataIndex: "code",
      render: (code: string, p) => (
        <>
          <Typography.Link onClick={() => setOpened(p)} data-testid={`project-open-${code}`}>
            <Typography.Text code style={{ whiteSpace: "nowrap" }}>
              {code}
            </Typography.Text>
          </Typography.Link>
          {p.legacyCode && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("projLegacyCode")}: {p.legacyCode}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    { title: t("projectName"), dataIndex: "name" },
    ...(isUnit ? [] : [{ title: t("projectUnit"), dataIndex: "unitName" }]),
    { title: t("projectRegion"), key: "region", render: (_, p) => `${p.regionName}（${p.regionCode}）` },
    { title: t("projectStatus"), dataIndex: "status", render: (s: string) => <Tag color="blue">{label(`status_${s}`, s)}</Tag> },
    { title: t("approvalCategory"), dataIndex: "approvalCategory", render: (c: string) => label(`category_${c}`, c) },
    { title: t("projDeclaredAt"), dataIndex: "declaredAt", render: (v: string) => formatInstant(v) },
    {
      title: t("actions"),
      key: "actions",
      render: (_, p) => (
        <Button size="small" onClick={() => setOpened(p)}>
          {t("projView")}
        </Button>
      ),
    },
  ];

  function search(next: ProjectFilters) {
    setFilterError(undefined);
    setQuery({ ...next, page: 1, pageSize: query.pageSize });
  }

  return (
    <Card
      title={t(isUnit ? "menu_myProjects" : "menu_projects")}
      data-testid="projects-page"
      extra={
        <Tooltip title={t("projExportHint")}>
          <Button icon={<DownloadOutlined />} href={exportHref} data-testid="projects-export">
            {t("projExport")}
          </Button>
        </Tooltip>
      }
    >
      <ProjectFilterForm showUnit={!isUnit} onSearch={search} onError={setFilterError} />
      <ErrorAlert error={error ?? filterError} style={{ marginBottom: 16 }} />
      <Table<ProjectListItem>
        rowKey="code"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        data-testid="projects-table"
        pagination={listPagination(query, data?.total, setQuery, t)}
      />
      <ProjectDrawer
        item={opened ?? linked.item}
        onClose={() => {
          setOpened(null);
          linked.clear();
        }}
        onChanged={reload}
      />
    </Card>
  );
}
