import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, List, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../api/client.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { TwoLineCell } from "../../components/TwoLineCell.js";
import { useI18n } from "../../i18n/index.js";
import { useAction, useCreateDialog } from "../../lib/use-action.js";
import { rowTestId, usePagedList } from "../../lib/use-paged-list.js";
import { InspectionDialog, OrderDialog } from "./SupervisionDialogs.js";
import type { Inspection } from "./types.js";

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
  const list = usePagedList<Inspection, { status?: "open" | "closed" }>("/inspections");
  const { run, error: actionError } = useAction(list.reload);
  const creating = useCreateDialog(list.reload);
  const [ordering, setOrdering] = useState<{ inspection: Inspection; findingId: number }>();

  const columns: ColumnsType<Inspection> = [
    {
      title: t("svProject"),
      key: "project",
      render: (_, i) => <TwoLineCell main={i.projectName} sub={i.projectCode} code />,
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
          <Button size="small" data-testid={`inspection-close-${i.id}`} onClick={() => void run(() => api(`/inspections/${i.id}/close`, { method: "POST" }), t("svInspectionClosedMsg"))}>
            {t("svInspectionClose")}
          </Button>
        ),
    },
  ];

  return (
    <div data-testid="supervision-inspections">
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} data-testid="inspection-new" onClick={creating.show}>
          {t("svInspectionNew")}
        </Button>
        <Select
          allowClear
          placeholder={t("svAllStatuses")}
          style={{ width: 160 }}
          value={list.filters.status}
          onChange={(status?: "open" | "closed") => list.filter({ status })}
          options={(["open", "closed"] as const).map((s) => ({ value: s, label: t(`svInspectionStatus_${s}`) }))}
        />
      </Space>
      <ErrorAlert error={list.error ?? actionError} style={{ marginBottom: 16 }} />
      <Table<Inspection>
        rowKey="id"
        size="middle"
        columns={columns}
        {...list.table}
        onRow={rowTestId("inspection-row")}
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
      {creating.open && <InspectionDialog {...creating.props(t("svInspectionRecordedMsg"))} />}
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
