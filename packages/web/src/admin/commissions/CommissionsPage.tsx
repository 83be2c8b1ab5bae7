import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Rate, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import type { ApiError } from "../../api/client.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { TwoLineCell } from "../../components/TwoLineCell.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { useCreateDialog } from "../../lib/use-action.js";
import { rowTestId, usePagedList } from "../../lib/use-paged-list.js";
import { CommissionActions } from "./CommissionActions.js";
import { CommissionDialog } from "./CommissionDialog.js";
import type { Commission, CommissionStatus } from "./types.js";

const STATUSES: CommissionStatus[] = ["commissioned", "accepted", "delivered", "evaluated", "declined", "cancelled"];
const STATUS_COLOR: Record<CommissionStatus, string> = {
  commissioned: "blue",
  accepted: "processing",
  delivered: "gold",
  evaluated: "green",
  declined: "default",
  cancelled: "default",
};

/** The intermediary's own clock: promised working days from the day after acceptance to delivery. */
function ClockCell({ k }: { k: Commission }) {
  const { t } = useI18n();
  const c = k.clock;
  if (!c.started) return <Typography.Text type="secondary" data-testid={`commission-clock-${k.id}`}>{t("kmClockNotStarted", { n: c.promisedWorkingDays })}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0} data-testid={`commission-clock-${k.id}`}>
      <span>{t("kmClockUsed", { used: c.usedWorkingDays, n: c.promisedWorkingDays })}</span>
      {c.running && <Typography.Text type="secondary">{t("kmClockRemaining", { n: c.remainingWorkingDays, due: c.dueDate ?? "—" })}</Typography.Text>}
      {c.overdue && <Tag color="red">{t("kmOverdue")}</Tag>}
      {!c.overdue && c.warning === "yellow" && <Tag color="gold">{t("kmDueSoon")}</Tag>}
    </Space>
  );
}

/**
 * 中介服务 (Art. 16): the commissions the caller may see — a department's own (it commissions, cancels and
 * evaluates), an intermediary's inbox (accept, decline, deliver the report), or a supervisor's whole region.
 */
export function CommissionsPage() {
  const { t } = useI18n();
  const { user, can } = useSession();
  const list = usePagedList<Commission, { status?: CommissionStatus }>("/commissions");
  const [actionError, setActionError] = useState<ApiError>();
  const commissioning = useCreateDialog(list.reload);
  const intro = user?.role === "intermediary" ? "kmIntroIntermediary" : can("commissions:manage") ? "kmIntroDepartment" : "kmIntroSupervisor";

  const columns: ColumnsType<Commission> = [
    {
      title: t("kmProjectMatter"),
      key: "case",
      render: (_, k) => <TwoLineCell main={k.projectName} sub={`${k.matterName} · ${k.projectCode}`} />,
    },
    { title: t("kmDepartment"), dataIndex: "department" },
    {
      title: t("kmIntermediaryService"),
      key: "intermediary",
      render: (_, k) => <TwoLineCell main={k.intermediary} sub={k.service} />,
    },
    {
      title: t("cmStatus"),
      key: "status",
      render: (_, k) => (
        <Tag color={STATUS_COLOR[k.status]} data-testid={`commission-status-${k.id}`} data-status={k.status}>
          {t(`kmStatus_${k.status}`)}
        </Tag>
      ),
    },
    { title: t("kmClock"), key: "clock", render: (_, k) => <ClockCell k={k} /> },
    {
      title: t("kmEvaluation"),
      key: "evaluation",
      render: (_, k) => (k.evaluation ? <Rate disabled value={k.evaluation.score} data-testid={`commission-evaluation-${k.id}`} data-score={k.evaluation.score} /> : "—"),
    },
    { title: t("kmCommissionedAt"), key: "at", render: (_, k) => formatInstant(k.commissionedAt) },
    {
      title: t("actions"),
      key: "actions",
      render: (_, k) => <CommissionActions commission={k} onError={setActionError} onChanged={() => list.reload()} />,
    },
  ];

  return (
    <Card
      title={t("menu_commissions")}
      data-testid="commissions-page"
      extra={
        can("commissions:manage") && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="commission-new" onClick={commissioning.show}>
            {t("kmCommission")}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon title={t(intro)} style={{ marginBottom: 16 }} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t("kmAllStatuses")}
          style={{ width: 200 }}
          data-testid="commission-filter-status"
          value={list.filters.status}
          onChange={(status?: CommissionStatus) => list.filter({ status })}
          options={STATUSES.map((s) => ({ value: s, label: t(`kmStatus_${s}`) }))}
        />
      </Space>
      <ErrorAlert error={list.error ?? actionError} style={{ marginBottom: 16 }} />
      <Table<Commission>
        rowKey="id"
        size="middle"
        columns={columns}
        {...list.table}
        onRow={rowTestId("commission-row")}
        expandable={{
          expandedRowRender: (k) => (
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: "req", label: t("kmRequirements"), children: k.requirements },
                { key: "by", label: t("kmCommissionedBy"), children: k.commissionedBy },
                ...(k.declinedReason ? [{ key: "declined", label: t("kmDeclinedReason"), children: k.declinedReason }] : []),
                ...(k.cancelledReason ? [{ key: "cancelled", label: t("kmCancelledReason"), children: k.cancelledReason }] : []),
                ...(k.report ? [{ key: "report", label: t("kmReport"), children: `${k.report.fileName}（SM3 ${k.report.sm3}）` }] : []),
                ...(k.evaluation ? [{ key: "evaluation", label: t("kmEvaluation"), children: `${k.evaluation.score}/5 ${k.evaluation.comment}（${k.evaluation.evaluatedBy}）` }] : []),
              ]}
            />
          ),
        }}
        data-testid="commissions-list"
      />
      {commissioning.open && <CommissionDialog {...commissioning.props(t("kmCommissionedMsg"))} />}
    </Card>
  );
}
