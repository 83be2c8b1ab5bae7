import { PlusOutlined } from "@ant-design/icons";
import { Button, Descriptions, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { TwoLineCell } from "../../components/TwoLineCell.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { useCreateDialog } from "../../lib/use-action.js";
import { rowTestId, usePagedList } from "../../lib/use-paged-list.js";
import { PenaltyDialog } from "./SupervisionDialogs.js";
import type { Penalty } from "./types.js";

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
  const canDecide = useCanDecide();
  const list = usePagedList<Penalty>("/penalties");
  const creating = useCreateDialog(list.reload);

  const columns: ColumnsType<Penalty> = [
    {
      title: t("svProject"),
      key: "project",
      render: (_, x) => <TwoLineCell main={x.projectName} sub={`${x.unit} · ${x.projectCode}`} />,
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
        <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} data-testid="penalty-new" onClick={creating.show}>
          {t("svPenaltyNew")}
        </Button>
      )}
      <ErrorAlert error={list.error} style={{ marginBottom: 16 }} />
      <Table<Penalty>
        rowKey="id"
        size="middle"
        columns={columns}
        {...list.table}
        onRow={rowTestId("penalty-row")}
        expandable={{ expandedRowRender: (x) => <PenaltyDetails penalty={x} /> }}
      />
      {creating.open && <PenaltyDialog {...creating.props(t("svPenaltyRecordedMsg"))} />}
    </div>
  );
}
