import { App, Button, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { type DictKey, isDictKey, useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { LevelTag } from "./CardDrawer.js";
import type { SupervisionRule } from "./types.js";

function paramLabel(t: (k: DictKey) => string, key: string): string {
  const k = `esParam_${key}`;
  return isDictKey(k) ? t(k) : key;
}

function paramText(value: unknown): string {
  if (value === null) return "—";
  if (Array.isArray(value)) return value.join("、");
  return String(value);
}

/** The rule editor: enabled, level, and each parameter by its type (numbers, a choice, a list of words). */
function RuleDialog({ rule, onClose, onSaved }: { rule: SupervisionRule | null; onClose: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  if (!rule) return null;
  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      const parameters = Object.fromEntries(Object.keys(rule.parameters).map((k) => [k, values.parameters?.[k] ?? null]));
      await api(`/e-supervision/rules/${rule.code}`, { method: "PUT", body: { enabled: values.enabled, level: values.level, parameters, reason: values.reason } });
      message.success(t("esRuleSaved"));
      onSaved();
    } catch (cause) {
      setError(asApiError(cause));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={lang === "en" ? rule.nameEn : rule.name} onCancel={onClose} onOk={save} confirmLoading={busy} okButtonProps={{ "data-testid": "es-rule-save" } as React.ComponentProps<typeof Button>} destroyOnHidden>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" initialValues={{ enabled: rule.enabled, level: rule.level, parameters: rule.parameters }}>
        <Form.Item name="enabled" label={t("esEnabled")} valuePropName="checked">
          <Switch data-testid="es-rule-enabled" />
        </Form.Item>
        <Form.Item name="level" label={t("esLevel")}>
          <Select options={[{ value: "yellow", label: t("esYellowCard") }, { value: "red", label: t("esRedCard") }]} />
        </Form.Item>
        {Object.entries(rule.parameters).map(([key, value]) => (
          <Form.Item key={key} name={["parameters", key]} label={paramLabel(t, key)}>
            {Array.isArray(value) ? (
              <Select mode="tags" />
            ) : key === "step" ? (
              <Select options={["acceptance", "pause"].map((v) => ({ value: v, label: paramLabel(t, v) }))} />
            ) : key === "limit" ? (
              <Select options={["governing", "promised"].map((v) => ({ value: v, label: paramLabel(t, v) }))} />
            ) : typeof value === "string" ? (
              <Input />
            ) : (
              <InputNumber min={0} style={{ width: "100%" }} data-testid={`es-param-${key}`} />
            )}
          </Form.Item>
        ))}
        <Form.Item name="reason" label={t("esChangeReason")} rules={[{ required: true, whitespace: true, message: t("esChangeReason") }]}>
          <Input data-testid="es-rule-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 监察规则: the rules with their basis; supervisors change them (each change audited, the version grows). */
export function RulesPanel() {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const rules = useApi<{ items: SupervisionRule[] }>("/e-supervision/rules");
  const [editing, setEditing] = useState<SupervisionRule | null>(null);
  const columns: ColumnsType<SupervisionRule> = [
    {
      title: t("esRule"),
      key: "name",
      render: (_, r) => (
        <>
          <div>{lang === "en" ? r.nameEn : r.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.basis}
          </Typography.Text>
        </>
      ),
    },
    { title: t("esLevel"), dataIndex: "level", width: 90, render: (l: SupervisionRule["level"]) => <LevelTag level={l} /> },
    {
      title: t("esParameters"),
      key: "parameters",
      render: (_, r) => Object.entries(r.parameters).map(([k, v]) => <div key={k} style={{ fontSize: 12 }}>{`${paramLabel(t, k)}：${typeof v === "string" ? paramLabel(t, v) : paramText(v)}`}</div>),
    },
    { title: t("esEnabled"), dataIndex: "enabled", width: 80, render: (on: boolean, r) => <Tag color={on ? "green" : "default"} data-testid={`es-rule-state-${r.code}`}>{on ? t("esOn") : t("esOff")}</Tag> },
    { title: t("esVersion"), key: "version", width: 140, render: (_, r) => `v${r.version} · ${formatInstant(r.updatedAt)}` },
    ...(can("supervision:rules")
      ? [{ title: "", key: "edit", width: 80, render: (_: unknown, r: SupervisionRule) => <Button size="small" onClick={() => setEditing(r)} data-testid={`es-rule-edit-${r.code}`}>{t("esEdit")}</Button> }]
      : []),
  ];
  return (
    <div data-testid="es-rules">
      <ErrorAlert error={rules.error} />
      <Table<SupervisionRule> rowKey="code" size="small" loading={rules.loading} columns={columns} dataSource={rules.data?.items ?? []} pagination={false} />
      <RuleDialog
        rule={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          rules.reload();
        }}
      />
    </div>
  );
}
