import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, List, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { useI18n } from "../../i18n/index.js";
import { InspectionDialog, OrderDialog } from "./SupervisionDialogs.js";
import type { Inspection, Paged } from "./types.js";

const SEVERITY_COLOR = { minor: "default", major: "orange", serious: "red" } as const;

/** What an inspection found, each with its 下达整改 button (for staff who may issue orders). */
export function FindingsList({ inspection: i, onOrder }: { inspection: Inspection; onOrder?: ((findingId: number) => void) | undefined }) {
  const { t } = useI18n();
  if (i.findings.length === 0) return <Typography.Text type="secondary">{t("svNoFindings")}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={i.findings}
      renderItem={(f) => (
        <List.Item
          data-testid={`finding-${f.id}`}
          actions={onOrder ? [<Button key="order" size="small" data-testid={`finding-order-${f.id}`} onClick={() => onOrder(f.id)}>{t("svOrderForFinding")}</Button>] : []}
        >
          <Space wrap>
            <Tag color={SEVERITY_COLOR[f.severity]}>{t(`svSeverity_${f.severity}`)}</Tag>
            <Typography.Text strong>{f.category}</Typography.Text>
            <span>{f.description}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 检查记录: inspections in the caller's region; record one, close it, order rectification of a finding. */
export function InspectionsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [query, setQuery] = useState<{ status?: "open" | "closed" | undefined; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const { data, error, loading, reload } = useApi<Paged<Inspection>>("/inspections", { ...query });
  const [creating, setCreating] = useState(false);
  const [ordering, setOrdering] = useState<{ inspection: Inspection; findingId: number }>();
  const [actionError, setActionError] = useState<ApiError>();

  async function close(i: Inspection) {
    setActionError(undefined);
    try {
      await api(`/inspections/${i.id}/close`, { method: "POST" });
      message.success(t("svInspectionClosedMsg"));
      reload();
    } catch (cause) {
      setActionError(asApiError(cause));
    }
  }

  const columns: ColumnsType<Inspection> = [
    {
      title: t("svProject"),
      key: "project",
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <span>{i.projectName}</span>
          <Typography.Text type="secondary" code>{i.projectCode}</Typography.Text>
        </Space>
      ),
    },
    { title: t("svDepartment"), dataIndex: "department" },
    { title: t("svMode"), key: "mode", render: (_, i) => t(`svMode_${i.mode}`) },
    { title: t("svInspectedOn"), dataIndex: "inspectedOn" },
    { title: t("svFindings"), key: "findings", render: (_, i) => i.findings.length },
    {
      title: t("cmStatus"),
      key: "status",
      render: (_, i) => (
        <Tag color={i.status === "open" ? "blue" : "green"} data-testid={`inspection-status-${i.id}`} data-status={i.status}>
          {t(`svInspectionStatus_${i.status}`)}
        </Tag>
      ),
    },
    {
      title: t("actions"),
      key: "actions",
      render: (_, i) =>
        i.canClose && (
          <Button size="small" data-testid={`inspection-close-${i.id}`} onClick={() => void close(i)}>
            {t("svInspectionClose")}
          </Button>
        ),
    },
  ];

  return (
    <div data-testid="supervision-inspections">
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} data-testid="inspection-new" onClick={() => setCreating(true)}>
          {t("svInspectionNew")}
        </Button>
        <Select
          allowClear
          placeholder={t("svAllStatuses")}
          style={{ width: 160 }}
          value={query.status}
          onChange={(status?: "open" | "closed") => setQuery({ ...query, status, page: 1 })}
          options={(["open", "closed"] as const).map((s) => ({ value: s, label: t(`svInspectionStatus_${s}`) }))}
        />
      </Space>
      <ErrorAlert error={error ?? actionError} style={{ marginBottom: 16 }} />
      <Table<Inspection>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={listPagination(query, data?.total, setQuery, t)}
        onRow={(i) => ({ "data-testid": `inspection-row-${i.id}` }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (i) => (
            <>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: "inspectors", label: t("svInspectors"), children: i.inspectors },
                  { key: "summary", label: t("svSummary"), children: i.summary },
                  { key: "by", label: t("svRecordedBy"), children: i.createdBy },
                ]}
              />
              <FindingsList inspection={i} onOrder={(findingId) => setOrdering({ inspection: i, findingId })} />
            </>
          ),
        }}
      />
      {creating && (
        <InspectionDialog
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            message.success(t("svInspectionRecordedMsg"));
            reload();
          }}
        />
      )}
      {ordering && (
        <OrderDialog
          code={ordering.inspection.projectCode}
          inspectionId={ordering.inspection.id}
          findingId={ordering.findingId}
          onClose={() => setOrdering(undefined)}
          onDone={() => {
            setOrdering(undefined);
            message.success(t("svOrderIssuedMsg"));
          }}
        />
      )}
    </div>
  );
}
