import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Select, Space, Switch, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { useI18n } from "../../i18n/index.js";
import { DeadlineTag, OrderStatusTag, OrderSteps, RectificationActions } from "./RectificationActions.js";
import { OrderDialog } from "./SupervisionDialogs.js";
import type { OrderStatus, Paged, RectificationOrder } from "./types.js";

interface Query {
  status?: OrderStatus | undefined;
  overdue?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** Overdue rows stand out: open or submitted past the deadline (computed by the server from today's date). */
const OVERDUE_ROW = { background: "#fff1f0" };

/** 整改通知: orders in the caller's region, overdue first; accept or return the units' reports. */
export function OrdersTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const { data, error, loading, reload } = useApi<Paged<RectificationOrder> & { today: string }>("/rectification-orders", {
    status: query.status,
    overdue: query.overdue ? "true" : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<RectificationOrder> = [
    {
      title: t("svProject"),
      key: "project",
      render: (_, o) => (
        <Space orientation="vertical" size={0}>
          <span>{o.projectName}</span>
          <Typography.Text type="secondary">{`${o.unit} · ${o.projectCode}`}</Typography.Text>
        </Space>
      ),
    },
    { title: t("svDepartment"), dataIndex: "department" },
    { title: t("svOrderDocumentNumber"), key: "doc", render: (_, o) => o.documentNumber ?? "—" },
    { title: t("svIssuedOn"), dataIndex: "issuedOn" },
    { title: t("svDeadline"), key: "deadline", render: (_, o) => <DeadlineTag order={o} /> },
    { title: t("cmStatus"), key: "status", render: (_, o) => <OrderStatusTag order={o} /> },
    { title: t("actions"), key: "actions", render: (_, o) => <RectificationActions order={o} onChanged={() => reload()} /> },
  ];

  return (
    <div data-testid="supervision-orders">
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} data-testid="order-new" onClick={() => setCreating(true)}>
          {t("svOrderNew")}
        </Button>
        <Select
          allowClear
          placeholder={t("svAllStatuses")}
          style={{ width: 160 }}
          data-testid="order-filter-status"
          value={query.status}
          onChange={(status?: OrderStatus) => setQuery({ ...query, status, page: 1 })}
          options={(["open", "submitted", "closed"] as const).map((s) => ({ value: s, label: t(`svOrderStatus_${s}`) }))}
        />
        <Space>
          <Switch checked={!!query.overdue} onChange={(overdue) => setQuery({ ...query, overdue, page: 1 })} data-testid="order-filter-overdue" />
          <span>{t("svOverdueOnly")}</span>
        </Space>
      </Space>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Table<RectificationOrder>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={listPagination(query, data?.total, setQuery, t)}
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
      {creating && (
        <OrderDialog
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            message.success(t("svOrderIssuedMsg"));
            reload();
          }}
        />
      )}
    </div>
  );
}
