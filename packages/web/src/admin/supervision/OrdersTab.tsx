import { PlusOutlined } from "@ant-design/icons";
import { Button, Select, Space, Switch, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { TwoLineCell } from "../../components/TwoLineCell.js";
import { useI18n } from "../../i18n/index.js";
import { useCreateDialog } from "../../lib/use-action.js";
import { usePagedList } from "../../lib/use-paged-list.js";
import { DeadlineTag, OrderStatusTag, OrderSteps, RectificationActions } from "./RectificationActions.js";
import { OrderDialog } from "./SupervisionDialogs.js";
import type { OrderStatus, RectificationOrder } from "./types.js";

/** Overdue rows stand out: open or submitted past the deadline (computed by the server from today's date). */
const OVERDUE_ROW = { background: "#fff1f0" };

/** 整改通知: orders in the caller's region, overdue first; accept or return the units' reports. */
export function OrdersTab() {
  const { t } = useI18n();
  // Only "overdue=true" filters; without it the server lists every order.
  const list = usePagedList<RectificationOrder, { status?: OrderStatus; overdue?: "true" }>("/rectification-orders");
  const creating = useCreateDialog(list.reload);

  const columns: ColumnsType<RectificationOrder> = [
    {
      title: t("svProject"),
      key: "project",
      render: (_, o) => <TwoLineCell main={o.projectName} sub={`${o.unit} · ${o.projectCode}`} />,
    },
    { title: t("svDepartment"), dataIndex: "department" },
    { title: t("svOrderDocumentNumber"), key: "doc", render: (_, o) => o.documentNumber ?? "—" },
    { title: t("svIssuedOn"), dataIndex: "issuedOn" },
    { title: t("svDeadline"), key: "deadline", render: (_, o) => <DeadlineTag order={o} /> },
    { title: t("cmStatus"), key: "status", render: (_, o) => <OrderStatusTag order={o} /> },
    { title: t("actions"), key: "actions", render: (_, o) => <RectificationActions order={o} onChanged={() => list.reload()} /> },
  ];

  return (
    <div data-testid="supervision-orders">
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} data-testid="order-new" onClick={creating.show}>
          {t("svOrderNew")}
        </Button>
        <Select
          allowClear
          placeholder={t("svAllStatuses")}
          style={{ width: 160 }}
          data-testid="order-filter-status"
          value={list.filters.status}
          onChange={(status?: OrderStatus) => list.filter({ status })}
          options={(["open", "submitted", "closed"] as const).map((s) => ({ value: s, label: t(`svOrderStatus_${s}`) }))}
        />
        <Space>
          <Switch checked={!!list.filters.overdue} onChange={(on) => list.filter({ overdue: on ? "true" : undefined })} data-testid="order-filter-overdue" />
          <span>{t("svOverdueOnly")}</span>
        </Space>
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 16 }} />
      <Table<RectificationOrder>
        rowKey="id"
        size="middle"
        columns={columns}
        {...list.table}
        onRow={(o) => ({ "data-testid": `order-row-${o.id}`, "data-overdue": String(o.overdue), style: o.overdue ? OVERDUE_ROW : undefined }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (o) => (
            <>
              <Typography.Paragraph>
                <Typography.Text strong>{t("svRequirements")}：</Typography.Text>
                {o.requirements}
              </Typography.Paragraph>
              <OrderSteps order={o} />
            </>
          ),
        }}
      />
      {creating.open && <OrderDialog {...creating.props(t("svOrderIssuedMsg"))} />}
    </div>
  );
}
