import { PlusOutlined } from "@ant-design/icons";
import { App, Button, type ButtonProps, Input, Modal, Popconfirm, Select, Space, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { useI18n } from "../../i18n/index.js";
import { CATEGORY_LABELS } from "../../portal/policies/types.js";
import { PolicyEditor } from "./PolicyEditor.js";
import { type Page, type Policy, POLICY_STATUS_COLOR, type PolicyStatus } from "./types.js";

interface Query {
  q?: string;
  status?: PolicyStatus;
  page: number;
  pageSize: number;
}

/** 政策信息: the organisation's documents; officers draft, leaders publish and withdraw. */
export function PoliciesTab() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const { data, error, loading, reload } = useApi<Page<Policy>>("/policies", { ...query });
  const [editing, setEditing] = useState<Policy | "new">();
  const [withdrawing, setWithdrawing] = useState<Policy>();
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
        <Input.Search allowClear placeholder={t("polColTitle")} style={{ width: 260 }} onSearch={(v) => setQuery({ ...query, q: v.trim() || undefined, page: 1 })} />
        <Select allowClear placeholder={t("cmStatus")} style={{ width: 140 }} options={statuses} onChange={(v?: PolicyStatus) => setQuery({ ...query, status: v, page: 1 })} />
      </Space>
      <ErrorAlert error={error ?? actionError} style={{ marginBottom: 16 }} />
      <Table<Policy>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={listPagination(query, data?.total, setQuery, t)}
        data-testid="policies-admin-list"
      />
      {editing && (
        <PolicyEditor
          key={editing === "new" ? "new" : editing.id}
          policy={editing === "new" ? undefined : editing}
          onClose={() => {
            setEditing(undefined);
            reload();
          }}
          onSaved={(p) => {
            setEditing(p);
            reload();
          }}
        />
      )}
      <Modal
        open={!!withdrawing}
        title={t("cmWithdrawTitle")}
        okText={t("cmWithdraw")}
        cancelText={t("cancel")}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy, "data-testid": "policy-withdraw-confirm" } as ButtonProps}
        onCancel={() => setWithdrawing(undefined)}
        onOk={async () => {
          const p = withdrawing;
          if (!p) return;
          if (await act(() => api(`/policies/${p.id}/withdraw`, { method: "POST", body: { reason: reason.trim() } }), t("cmWithdrawnMsg"))) {
            setWithdrawing(undefined);
            setReason("");
          }
        }}
        destroyOnHidden
      >
        <Input.TextArea placeholder={t("cmWithdrawReason")} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="policy-withdraw-reason" />
      </Modal>
    </>
  );
}
