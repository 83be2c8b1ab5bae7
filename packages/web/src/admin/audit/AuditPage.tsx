import { AutoComplete, Card, Input, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useApi } from "../../api/hooks.js";
import type { AuditRow, Page } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { useSession } from "../../context/SessionContext.js";
import { AUDIT_TYPE_LABELS } from "../../i18n/audit-types.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { AuditVerifyPanel } from "./AuditVerify.js";

interface AuditQuery {
  page: number;
  pageSize: number;
  type?: string;
  subject?: string;
}

/** 审计日志 (痕迹管理, Art. 4): every recorded step, newest first as the server sends them. */
export function AuditPage() {
  const { t, pick } = useI18n();
  const { can } = useSession();
  const [query, setQuery] = useState<AuditQuery>({ page: 1, pageSize: 20 });
  const [typeText, setTypeText] = useState("");
  const { data, error, loading, reload } = useApi<Page<AuditRow>>("/audit/events", { ...query });

  const typeLabel = (type: string) => pick(AUDIT_TYPE_LABELS[type], type);
  const setFilter = (patch: Partial<AuditQuery>) => {
    const next: AuditQuery = { ...query, ...patch, page: 1 };
    if (!next.type) delete next.type;
    if (!next.subject) delete next.subject;
    setQuery(next);
  };

  const columns: ColumnsType<AuditRow> = [
    { title: t("seq"), dataIndex: "seq", width: 80 },
    { title: t("occurredAt"), dataIndex: "occurredAt", width: 180, render: (v: string) => formatInstant(v) },
    {
      title: t("auditType"),
      dataIndex: "type",
      render: (v: string) => (
        <Space orientation="vertical" size={0}>
          <span>{typeLabel(v)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t("actor"), dataIndex: "actorLabel" },
    { title: t("auditSubject"), dataIndex: "subject", render: (v?: string | null) => v ?? "—" },
    {
      title: t("requestId"),
      dataIndex: "requestId",
      render: (v?: string | null) => (v ? <Typography.Text copyable={{ text: v }} style={{ fontSize: 12 }}>{v.slice(0, 8)}…</Typography.Text> : "—"),
    },
    {
      title: t("sealed"),
      dataIndex: "sealed",
      width: 100,
      render: (v: boolean) => (v ? <Tag color="green">{t("sealedYes")}</Tag> : <Tag color="orange">{t("sealedNo")}</Tag>),
    },
  ];

  return (
    <Card title={t("menu_audit")}>
      {can("audit:verify") && <AuditVerifyPanel onVerified={reload} />}
      <Space wrap style={{ marginBottom: 16, width: "100%" }}>
        <AutoComplete
          allowClear
          style={{ width: 280 }}
          value={typeText}
          placeholder={t("auditTypeFilter")}
          data-testid="audit-type-filter"
          options={Object.keys(AUDIT_TYPE_LABELS).map((type) => ({ value: type, label: `${typeLabel(type)} · ${type}` }))}
          onChange={(v: string | undefined) => {
            setTypeText(v ?? "");
            if (!v) setFilter({ type: undefined });
          }}
          onSelect={(v: string | undefined) => setFilter({ type: v })}
          onKeyDown={(e) => {
            if (e.key === "Enter") setFilter({ type: typeText.trim() });
          }}
        />
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t("auditSubjectFilter")}
          data-testid="audit-subject-filter"
          onSearch={(v) => setFilter({ subject: v.trim() })}
        />
      </Space>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Table<AuditRow>
        rowKey="seq"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        data-testid="audit-table"
        expandable={{
          expandedRowRender: (row) => (
            <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: 12 }}>{JSON.stringify(row.payload, null, 2)}</pre>
          ),
        }}
        pagination={listPagination(query, data?.total, setQuery, t)}
      />
    </Card>
  );
}
