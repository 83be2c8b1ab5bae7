import { PlusOutlined } from "@ant-design/icons";
import { Button, type ButtonProps, Input, Popconfirm, Select, Space, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../api/client.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { ReasonDialog } from "../../components/ReasonDialog.js";
import { useI18n } from "../../i18n/index.js";
import { useAction } from "../../lib/use-action.js";
import { usePagedList } from "../../lib/use-paged-list.js";
import { CATEGORY_LABELS } from "../../portal/policies/types.js";
import { PolicyEditor } from "./PolicyEditor.js";
import { type Policy, POLICY_STATUS_COLOR, type PolicyStatus } from "./types.js";

/** 政策信息: the organisation's documents; officers draft, leaders publish and withdraw. */
export function PoliciesTab() {
  const { t, pick } = useI18n();
  const list = usePagedList<Policy, { q?: string; status?: PolicyStatus }>("/policies");
  const { run: act, busy, error: actionError } = useAction(list.reload);
  const [editing, setEditing] = useState<Policy | "new">();
  const [withdrawing, setWithdrawing] = useState<Policy>();

  const statuses = (["draft", "published", "withdrawn"] as const).map((s) => ({ value: s, label: t(`cmStatus_${s}`) }));
  const columns: ColumnsType<Policy> = [
    { title: t("polColTitle"), dataIndex: "title" },
    { title: t("polCategory"), key: "category", render: (_, p) => pick(CATEGORY_LABELS[p.category], p.category) },
    { title: t("polColIssuer"), dataIndex: "issuer" },
    { title: t("polColDate"), dataIndex: "issuedOn", width: 110 },
    {
      title: t("cmStatus"),
      key: "status",
      render: (_, p) => (
        <Tag color={POLICY_STATUS_COLOR[p.status]} data-testid={`policy-status-${p.id}`}>
          {t(`cmStatus_${p.status}`)}
        </Tag>
      ),
    },
    {
      title: t("actions"),
      key: "actions",
      render: (_, p) => (
        <Space>
          <Button size="small" data-testid={`policy-open-${p.id}`} onClick={() => setEditing(p)}>
            {p.actions.includes("edit") ? t("cmEdit") : t("cmView")}
          </Button>
          {p.actions.includes("publish") && (
            <Popconfirm
              title={t("cmPublishConfirm")}
              okText={t("cmPublish")}
              cancelText={t("cancel")}
              okButtonProps={{ "data-testid": "policy-publish-confirm" } as ButtonProps}
              onConfirm={() => void act(() => api(`/policies/${p.id}/publish`, { method: "POST" }), t("cmPublishedMsg"))}
            >
              <Button size="small" type="primary" disabled={busy} data-testid={`policy-publish-${p.id}`}>
                {t("cmPublish")}
              </Button>
            </Popconfirm>
          )}
          {p.actions.includes("withdraw") && (
            <Button size="small" danger disabled={busy} data-testid={`policy-withdraw-${p.id}`} onClick={() => setWithdrawing(p)}>
              {t("cmWithdraw")}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} data-testid="policy-new" onClick={() => setEditing("new")}>
          {t("cmNewPolicy")}
        </Button>
        <Input.Search allowClear placeholder={t("polColTitle")} style={{ width: 260 }} onSearch={(v) => list.filter({ q: v.trim() || undefined })} />
        <Select allowClear placeholder={t("cmStatus")} style={{ width: 140 }} options={statuses} onChange={(v?: PolicyStatus) => list.filter({ status: v })} />
      </Space>
      <ErrorAlert error={list.error ?? actionError} style={{ marginBottom: 16 }} />
      <Table<Policy> rowKey="id" size="middle" columns={columns} {...list.table} data-testid="policies-admin-list" />
      {editing && (
        <PolicyEditor
          key={editing === "new" ? "new" : editing.id}
          policy={editing === "new" ? undefined : editing}
          onClose={() => {
            setEditing(undefined);
            list.reload();
          }}
          onSaved={(p) => {
            setEditing(p);
            list.reload();
          }}
        />
      )}
      <ReasonDialog
        target={withdrawing}
        title={t("cmWithdrawTitle")}
        okText={t("cmWithdraw")}
        placeholder={t("cmWithdrawReason")}
        testId="policy-withdraw-reason"
        okTestId="policy-withdraw-confirm"
        danger
        busy={busy}
        onClose={() => setWithdrawing(undefined)}
        onConfirm={(p, reason) => act(() => api(`/policies/${p.id}/withdraw`, { method: "POST", body: { reason } }), t("cmWithdrawnMsg"))}
      />
    </>
  );
}
