import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Input, Modal, Space, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { IntermediaryEditor } from "./IntermediaryEditor.js";
import type { Intermediary, Page } from "./types.js";

interface Query {
  q?: string;
  page: number;
  pageSize: number;
}

/** 中介机构名录: read by every department in its data scope, kept by the comprehensive management department. */
export function IntermediariesTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const keeper = user?.organisation.kind === "comprehensive";
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const { data, error, loading, reload } = useApi<Page<Intermediary>>("/intermediaries", { ...query });
  const [editing, setEditing] = useState<Intermediary | "new">();
  const [suspending, setSuspending] = useState<Intermediary>();
  const [reason, setReason] = useState("");
  const [actionError, setActionError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function act(call: () => Promise<unknown>, done: string) {
    setBusy(true);
    setActionError(undefined);
    try {
      await call();
      message.success(done);
      reload();
      return true;
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) setActionError(apiError);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const columns: ColumnsType<Intermediary> = [
    { title: t("imName"), dataIndex: "name" },
    { title: t("imCreditCode"), dataIndex: "creditCode" },
    { title: t("imRegion"), key: "region", render: (_, i) => i.regionName ?? i.regionCode },
    { title: t("imServices"), key: "services", render: (_, i) => i.services.map((s) => s.service).join("、") },
    {
      title: t("cmStatus"),
      key: "status",
      render: (_, i) => (
        <Tag color={i.status === "active" ? "green" : "red"} title={i.suspendedReason ?? undefined} data-testid={`intermediary-status-${i.id}`}>
          {t(`cmStatus_${i.status}`)}
        </Tag>
      ),
    },
    {
      title: t("actions"),
      key: "actions",
      render: (_, i) => (
        <Space>
          <Button size="small" data-testid={`intermediary-open-${i.id}`} onClick={() => setEditing(i)}>
            {keeper ? t("cmEdit") : t("cmView")}
          </Button>
          {keeper && i.status === "active" && (
            <Button size="small" danger disabled={busy} data-testid={`intermediary-suspend-${i.id}`} onClick={() => setSuspending(i)}>
              {t("cmSuspend")}
            </Button>
          )}
          {keeper && i.status === "suspended" && (
            <Button size="small" disabled={busy} data-testid={`intermediary-reactivate-${i.id}`}
              onClick={() => void act(() => api(`/intermediaries/${i.id}/reactivate`, { method: "POST" }), t("cmReactivatedMsg"))}>
              {t("cmReactivate")}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      {!keeper && <Alert type="info" showIcon title={t("cmKeeperOnly")} style={{ marginBottom: 16 }} data-testid="intermediary-read-only" />}
      <Space wrap style={{ marginBottom: 16 }}>
        {keeper && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="intermediary-new" onClick={() => setEditing("new")}>
            {t("cmNewIntermediary")}
          </Button>
        )}
        <Input.Search allowClear placeholder={t("imSearchPlaceholder")} style={{ width: 300 }} onSearch={(v) => setQuery({ ...query, q: v.trim() || undefined, page: 1 })} />
      </Space>
      <ErrorAlert error={error ?? actionError} style={{ marginBottom: 16 }} />
      <Table<Intermediary>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={listPagination(query, data?.total, setQuery, t)}
        data-testid="intermediaries-admin-list"
      />
      {editing && (
        <IntermediaryEditor
          intermediary={editing === "new" ? undefined : editing}
          editable={keeper}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            reload();
          }}
        />
      )}
      <Modal
        open={!!suspending}
        title={t("cmSuspendTitle")}
        okText={t("cmSuspend")}
        cancelText={t("cancel")}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        onCancel={() => setSuspending(undefined)}
        onOk={async () => {
          const i = suspending;
          if (!i) return;
          if (await act(() => api(`/intermediaries/${i.id}/suspend`, { method: "POST", body: { reason: reason.trim() } }), t("cmSuspendedMsg"))) {
            setSuspending(undefined);
            setReason("");
          }
        }}
        destroyOnHidden
      >
        <Input.TextArea placeholder={t("cmSuspendReason")} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="intermediary-suspend-reason" />
      </Modal>
    </>
  );
}
