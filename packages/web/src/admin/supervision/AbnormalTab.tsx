import { PlusOutlined } from "@ant-design/icons";
import { App, Button, type ButtonProps, Input, Modal, Segmented, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { useI18n } from "../../i18n/index.js";
import { useCanDecide } from "./PenaltiesTab.js";
import { ListingDialog } from "./SupervisionDialogs.js";
import type { Listing, Paged } from "./types.js";

/** 移出异常名录 with a reason: the button and its dialog. */
export function RemoveListing({ listing: l, onChanged }: { listing: Listing; onChanged(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (!l.canRemove) return null;

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/abnormal-list/${l.id}/removal`, { method: "POST", body: { reason: reason.trim() } });
      message.success(t("svRemovedMsg"));
      setOpen(false);
      onChanged();
    } catch (cause) {
      setError(asApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size="small" data-testid={`listing-remove-${l.id}`} onClick={() => setOpen(true)}>
        {t("svRemove")}
      </Button>
      <Modal
        open={open}
        title={t("svRemoveTitle")}
        okText={t("submit")}
        cancelText={t("cancel")}
        okButtonProps={{ loading: busy, disabled: !reason.trim(), "data-testid": "listing-remove-confirm" } as ButtonProps}
        onOk={() => void remove()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ErrorAlert error={error} style={{ marginBottom: 12 }} />
        <Input.TextArea rows={3} maxLength={1000} placeholder={t("svRemoveReasonPlaceholder")} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="listing-remove-reason" />
      </Modal>
    </>
  );
}

export function ListingStatus({ listing: l }: { listing: Listing }) {
  const { t } = useI18n();
  return l.active ? (
    <Tag color="red" data-testid={`listing-status-${l.id}`} data-active="true">{t("svListed")}</Tag>
  ) : (
    <Tag data-testid={`listing-status-${l.id}`} data-active="false">{t("svRemovedOn", { date: l.removedOn ?? "" })}</Tag>
  );
}

type Filter = "active" | "removed" | "all";

/** 异常名录: listed projects in the caller's region, active first; list and remove (leaders and supervisors). */
export function AbnormalTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const canDecide = useCanDecide();
  const [filter, setFilter] = useState<Filter>("active");
  const [query, setQuery] = useState({ page: 1, pageSize: 20 });
  const active = filter === "all" ? undefined : filter === "active" ? "true" : "false";
  const { data, error, loading, reload } = useApi<Paged<Listing>>("/abnormal-list", { ...query, active });
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<Listing> = [
    {
      title: t("svProject"),
      key: "project",
      render: (_, l) => (
        <Space orientation="vertical" size={0}>
          <span>{l.projectName}</span>
          <Typography.Text type="secondary" code>{l.projectCode}</Typography.Text>
        </Space>
      ),
    },
    { title: t("svUnit"), key: "unit", render: (_, l) => `${l.unit}${l.unitCreditCode ? `（${l.unitCreditCode}）` : ""}` },
    { title: t("svListingReason"), dataIndex: "reason" },
    { title: t("svListedOn"), dataIndex: "listedOn" },
    { title: t("svDepartment"), dataIndex: "department" },
    { title: t("cmStatus"), key: "status", render: (_, l) => <ListingStatus listing={l} /> },
    { title: t("actions"), key: "actions", render: (_, l) => <RemoveListing listing={l} onChanged={reload} /> },
  ];

  return (
    <div data-testid="supervision-abnormal">
      <Space wrap style={{ marginBottom: 16 }}>
        {canDecide && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="listing-new" onClick={() => setCreating(true)}>
            {t("svListingNew")}
          </Button>
        )}
        <Segmented<Filter>
          value={filter}
          onChange={(f) => {
            setFilter(f);
            setQuery({ ...query, page: 1 });
          }}
          options={[
            { value: "active", label: t("svFilterActive") },
            { value: "removed", label: t("svFilterRemoved") },
            { value: "all", label: t("svFilterAll") },
          ]}
        />
      </Space>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Table<Listing>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={listPagination(query, data?.total, setQuery, t)}
        onRow={(l) => ({ "data-testid": `listing-row-${l.id}` }) as React.HTMLAttributes<HTMLElement>}
        expandable={{ rowExpandable: (l) => !l.active, expandedRowRender: (l) => `${t("svRemovedReason")}：${l.removedReason ?? ""}` }}
      />
      {creating && (
        <ListingDialog
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            message.success(t("svListedMsg"));
            reload();
          }}
        />
      )}
    </div>
  );
}
