import { DEPARTMENT_KINDS } from "@tzxm/shared";
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useApi } from "../../api/hooks.js";
import type { OrganisationKind, OrganisationRow, Page } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { useI18n } from "../../i18n/index.js";
import { useKindLabel } from "../../i18n/labels.js";
import { useSession } from "../../context/SessionContext.js";
import { CreateOrganisationDialog } from "./CreateOrganisationDialog.js";

const KINDS: OrganisationKind[] = [...DEPARTMENT_KINDS, "project_unit"];

/** 组织机构: the departments of Art. 6-9, intermediaries and project units. */
export function OrganisationsPage() {
  const { t } = useI18n();
  const kindLabel = useKindLabel();
  const [query, setQuery] = useState<{ page: number; pageSize: number; kind?: OrganisationKind }>({ page: 1, pageSize: 20 });
  const { data, error, loading, reload } = useApi<Page<OrganisationRow>>("/organisations", query);
  const { can } = useSession();
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<OrganisationRow> = [
    { title: t("orgName"), dataIndex: "name" },
    { title: t("orgKind"), dataIndex: "kind", render: (_, o) => kindLabel(o.kind) },
    { title: t("region"), key: "region", render: (_, o) => `${o.regionName}` },
    { title: t("regionCode"), dataIndex: "regionCode", render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t("creditCode"), dataIndex: "creditCode", render: (v?: string | null) => v ?? "—" },
  ];

  return (
    <Card title={t("menu_organisations")}>
      <Space style={{ marginBottom: 16 }}>
        <Select<OrganisationKind>
          allowClear
          placeholder={t("orgKindFilter")}
          style={{ width: 260 }}
          data-testid="org-kind-filter"
          value={query.kind}
          options={KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          onChange={(kind) => setQuery({ page: 1, pageSize: query.pageSize, ...(kind ? { kind } : {}) })}
        />
        {can("organisations:manage") && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-organisation">
            {t("createOrganisation")}
          </Button>
        )}
      </Space>
      <CreateOrganisationDialog
        open={creating}
        kinds={KINDS}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          reload();
        }}
      />
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Table<OrganisationRow>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        data-testid="organisations-table"
        pagination={listPagination(query, data?.total, setQuery, t)}
      />
    </Card>
  );
}
