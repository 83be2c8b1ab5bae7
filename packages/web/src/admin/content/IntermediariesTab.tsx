import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Space, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../api/client.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { ReasonDialog } from "../../components/ReasonDialog.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { useAction } from "../../lib/use-action.js";
import { usePagedList } from "../../lib/use-paged-list.js";
import { IntermediaryEditor } from "./IntermediaryEditor.js";
import type { Intermediary } from "./types.js";

/** 中介机构名录: read by every department in its data scope, kept by the comprehensive management department. */
export function IntermediariesTab() {
  const { t } = useI18n();
  const { user } = useSession();
  const keeper = user?.organisation.kind === "comprehensive";
  const list = usePagedList<Intermediary, { q?: string }>("/intermediaries");
  const { run: act, busy, error: actionError } = useAction(list.reload);
  const [editing, setEditing] = useState<Intermediary | "new">();
  const [suspending, setSuspending] = useState<Intermediary>();

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
        <Input.Search allowClear placeholder={t("imSearchPlaceholder")} style={{ width: 300 }} onSearch={(v) => list.filter({ q: v.trim() || undefined })} />
      </Space>
      <ErrorAlert error={list.error ?? actionError} style={{ marginBottom: 16 }} />
      <Table<Intermediary> rowKey="id" size="middle" columns={columns} {...list.table} data-testid="intermediaries-admin-list" />
      {editing && (
        <IntermediaryEditor
          intermediary={editing === "new" ? undefined : editing}
          editable={keeper}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            list.reload();
          }}
        />
      )}
      <ReasonDialog
        target={suspending}
        title={t("cmSuspendTitle")}
        okText={t("cmSuspend")}
        placeholder={t("cmSuspendReason")}
        testId="intermediary-suspend-reason"
        danger
        busy={busy}
        onClose={() => setSuspending(undefined)}
        onConfirm={(i, reason) => act(() => api(`/intermediaries/${i.id}/suspend`, { method: "POST", body: { reason } }), t("cmSuspendedMsg"))}
      />
    </>
  );
}
