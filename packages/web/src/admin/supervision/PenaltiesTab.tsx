import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Descriptions, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { PenaltyDialog } from "./SupervisionDialogs.js";
import type { Paged, Penalty } from "./types.js";

/** Penalty decisions and the abnormal list are decided by a department's leader or a supervisor. */
export function useCanDecide(): boolean {
  const { user, can } = useSession();
  return can("supervision:manage") && (user?.role === "leader" || user?.role === "supervisor");
}

/** The particulars of one decision (the list's expanded row and the project's record). */
export function PenaltyDetails({ penalty: x }: { penalty: Penalty }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: "violation", label: t("svViolation"), children: x.violation },
        { key: "basis", label: t("svBasis"), children: x.basis },
        { key: "penalty", label: t("svPenaltyContent"), children: x.penalty },
        { key: "amount", label: t("svAmount"), children: x.amount ?? "—" },
        { key: "public", label: t("svPublic"), children: x.public ? t("yes") : t("no") },
      ]}
    />
  );
}

/** 行政处罚: penalty decisions in the caller's region, newest first. */
export function PenaltiesTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canDecide = useCanDecide();
  const [query, setQuery] = useState({ page: 1, pageSize: 20 });
  const { data, error, loading, reload } = useApi<Paged<Penalty>>("/penalties", { ...query });
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<Penalty> = [
    {
      title: t("svProject"),
      key: "project",
      render: (_, x) => (
        <Space orientation="vertical" size={0}>
          <span>{x.projectName}</span>
          <Typography.Text type="secondary">{`${x.unit} · ${x.projectCode}`}</Typography.Text>
        </Space>
      ),
    },
    { title: t("svPenaltyDocumentNumber"), dataIndex: "documentNumber" },
    { title: t("svDecidedOn"), dataIndex: "decidedOn" },
    { title: t("svDepartment"), dataIndex: "department" },
    { title: t("svPenaltyContent"), dataIndex: "penalty" },
    { title: t("svPublic"), key: "public", render: (_, x) => (x.public ? <Tag color="green">{t("svPublicYes")}</Tag> : <Tag>{t("svPublicNo")}</Tag>) },
  ];

  return (
    <div data-testid="supervision-penalties">
      {canDecide && (
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} data-testid="penalty-new" onClick={() => setCreating(true)}>
          {t("svPenaltyNew")}
        </Button>
      )}
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Table<Penalty>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={listPagination(query, data?.total, setQuery, t)}
        onRow={(x) => ({ "data-testid": `penalty-row-${x.id}` }) as React.HTMLAttributes<HTMLElement>}
        expandable={{ expandedRowRender: (x) => <PenaltyDetails penalty={x} /> }}
      />
      {creating && (
        <PenaltyDialog
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            message.success(t("svPenaltyRecordedMsg"));
            reload();
          }}
        />
      )}
    </div>
  );
}
