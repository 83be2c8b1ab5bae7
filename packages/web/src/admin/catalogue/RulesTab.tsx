import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Input, Modal, Select, Space, Switch, Table, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { RuleEditor } from "./RuleEditor.js";
import type { AdminMatter, AdminRule } from "./types.js";

/** 适用规则 of one matter by region (national, provincial, …), with their history and who set each and why. */
export function RulesTab({ matters, onChanged }: { matters: AdminMatter[]; onChanged(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const [matterCode, setMatterCode] = useState(matters[0]?.code);
  const [history, setHistory] = useState(false);
  const rules = useApi<{ items: AdminRule[] }>(matterCode ? "/catalogue/rules" : null, { matter: matterCode, history: history ? "true" : undefined });
  const [editing, setEditing] = useState<{ rule?: AdminRule } | null>(null);
  const [deactivating, setDeactivating] = useState<AdminRule>();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const matter = matters.find((m) => m.code === matterCode);

  async function deactivate(rule: AdminRule) {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/catalogue/rules/${encodeURIComponent(rule.matterCode)}/${rule.regionCode}/deactivate`, { method: "POST", body: { reason: reason.trim() } });
      message.success(t("catRuleDeactivated"));
      setDeactivating(undefined);
      setReason("");
      rules.reload();
      onChanged();
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  const columns: ColumnsType<AdminRule> = [
    { title: t("catRegion"), key: "region", render: (_, r) => `${r.regionCode}${r.regionName ? `（${r.regionName}）` : ""}` },
    {
      title: t("catCondition"),
      dataIndex: "condition",
      render: (c: unknown) => (
        <Typography.Text code style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
          {JSON.stringify(c)}
        </Typography.Text>
      ),
    },
    { title: t("catNote"), dataIndex: "note", render: (n: AdminRule["note"]) => (n ? (lang === "en" ? n.en : n.zh) : "—") },
    { title: t("catReason"), dataIndex: "reason", render: (v: string | null) => v ?? "—" },
    { title: t("catSetAt"), key: "created", render: (_, r) => `${formatInstant(r.createdAt)} ${r.createdBy ?? t("catSystem")}` },
    {
      title: t("guideStatus"),
      dataIndex: "active",
      render: (active: boolean, r) =>
        active ? (
          <Tag color="green">{t("catRuleActive")}</Tag>
        ) : (
          <Tooltip title={`${r.deactivatedBy ?? ""} ${r.deactivationReason ?? ""}`}>
            <Tag>{t("catRuleInactive", { at: formatInstant(r.deactivatedAt) })}</Tag>
          </Tooltip>
        ),
    },
    {
      title: "",
      key: "actions",
      render: (_, r) =>
        r.active && r.editable ? (
          <Space>
            <Button size="small" onClick={() => setEditing({ rule: r })} data-testid={`catalogue-rule-edit-${r.regionCode}`}>
              {t("guideEdit")}
            </Button>
            <Button size="small" danger onClick={() => setDeactivating(r)} data-testid={`catalogue-rule-deactivate-${r.regionCode}`}>
              {t("catDeactivate")}
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          showSearch
          optionFilterProp="label"
          style={{ width: 420 }}
          value={matterCode}
          onChange={setMatterCode}
          options={matters.map((m) => ({ value: m.code, label: `${m.code} ${m.name}` }))}
          data-testid="catalogue-rule-matter"
        />
        <Switch checked={history} onChange={setHistory} /> {t("catShowHistory")}
        {user?.organisation.kind === "comprehensive" && (
          <Button icon={<PlusOutlined />} disabled={!matter} onClick={() => setEditing({})} data-testid="catalogue-rule-new">
            {t("catNewRule")}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t("catRulesHint")}</Typography.Paragraph>
      <ErrorAlert error={rules.error ?? error} style={{ marginBottom: 16 }} />
      <Table<AdminRule> rowKey="id" size="small" loading={rules.loading} columns={columns} dataSource={rules.data?.items ?? []} pagination={false} data-testid="catalogue-rules" />
      {editing && matter && (
        <RuleEditor
          matter={matter}
          rule={editing.rule}
          defaultRegion={user?.organisation.regionCode ?? ""}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            rules.reload();
            onChanged();
          }}
        />
      )}
      <Modal
        open={!!deactivating}
        title={t("catDeactivate")}
        okText={t("catDeactivate")}
        cancelText={t("cancel")}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
        onCancel={() => setDeactivating(undefined)}
        onOk={() => deactivating && void deactivate(deactivating)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t("catDeactivateHint")}</Typography.Paragraph>
        <Input.TextArea placeholder={t("catReason")} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="catalogue-rule-deactivate-reason" />
      </Modal>
    </>
  );
}
