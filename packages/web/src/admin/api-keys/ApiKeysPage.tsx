import { KeyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import type { OrganisationRow, Page } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";

interface ApiKeyRow {
  id: number;
  name: string;
  organisation: string;
  scopes: string[];
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/**
 * 接口密钥: keys with which departments' own business systems exchange case steps (spec §6). The security
 * administrator issues them to one approving department each; the key is shown once, only its digest is kept.
 */
export function ApiKeysPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useSession();
  const keys = useApi<{ items: ApiKeyRow[] }>("/api-keys");
  const comprehensive = useApi<Page<OrganisationRow>>(can("users:manage") ? "/organisations" : null, { page: 1, pageSize: 100, kind: "comprehensive" });
  const application = useApi<Page<OrganisationRow>>(can("users:manage") ? "/organisations" : null, { page: 1, pageSize: 100, kind: "application" });
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [form] = Form.useForm<{ name: string; organisationId: number }>();

  async function create() {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    try {
      const answer = await api<{ key: string }>("/api-keys", { method: "POST", body: { ...values, scopes: ["cases:write"] } });
      setCreating(false);
      form.resetFields();
      setIssued(answer.key);
      keys.reload();
    } catch (cause) {
      setError(asApiError(cause));
    }
  }

  async function revoke(id: number) {
    try {
      await api(`/api-keys/${id}/revoke`, { method: "POST" });
      message.success(t("apiKeyRevoked"));
      keys.reload();
    } catch (cause) {
      setError(asApiError(cause));
    }
  }

  const departments = [...(comprehensive.data?.items ?? []), ...(application.data?.items ?? [])];
  const columns: ColumnsType<ApiKeyRow> = [
    { title: t("apiKeyName"), dataIndex: "name" },
    { title: t("apiKeyDepartment"), dataIndex: "organisation" },
    { title: t("apiKeyPrefix"), dataIndex: "prefix", render: (p: string) => <Typography.Text code>{`tzxm_${p}_…`}</Typography.Text> },
    { title: t("apiKeyScopes"), dataIndex: "scopes", render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
    { title: t("apiKeyCreatedAt"), dataIndex: "createdAt", render: (v: string) => formatInstant(v) },
    { title: t("apiKeyLastUsed"), dataIndex: "lastUsedAt", render: (v: string | null) => (v ? formatInstant(v) : "—") },
    {
      title: t("apiKeyState"),
      key: "state",
      render: (_, k) =>
        k.revokedAt ? (
          <Tag>{t("apiKeyRevokedOn", { at: formatInstant(k.revokedAt) })}</Tag>
        ) : can("users:manage") ? (
          <Popconfirm title={t("apiKeyRevokeConfirm")} onConfirm={() => revoke(k.id)}>
            <Button size="small" danger data-testid={`revoke-key-${k.name}`}>
              {t("apiKeyRevoke")}
            </Button>
          </Popconfirm>
        ) : (
          <Tag color="green">{t("apiKeyActive")}</Tag>
        ),
    },
  ];

  return (
    <Card
      title={t("menu_api-keys")}
      extra={
        can("users:manage") && (
          <Button type="primary" icon={<KeyOutlined />} onClick={() => setCreating(true)} data-testid="create-api-key">
            {t("apiKeyCreate")}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t("apiKeyIntro")}</Typography.Paragraph>
      <ErrorAlert error={error ?? keys.error} style={{ marginBottom: 16 }} />
      <Table<ApiKeyRow> rowKey="id" size="middle" loading={keys.loading} columns={columns} dataSource={keys.data?.items ?? []} data-testid="api-keys-table" pagination={false} />
      <Modal open={creating} title={t("apiKeyCreate")} onOk={create} onCancel={() => setCreating(false)} okButtonProps={{ id: "api-key-submit" }}>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t("apiKeyName")} rules={[{ required: true, whitespace: true, message: t("apiKeyNameRequired") }]}>
            <Input maxLength={100} data-testid="api-key-name" placeholder={t("apiKeyNamePlaceholder")} />
          </Form.Item>
          <Form.Item name="organisationId" label={t("apiKeyDepartment")} rules={[{ required: true, message: t("apiKeyDepartmentRequired") }]}>
            <Select showSearch optionFilterProp="label" data-testid="api-key-department" options={departments.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={issued !== undefined} title={t("apiKeyIssued")} onOk={() => setIssued(undefined)} onCancel={() => setIssued(undefined)} cancelButtonProps={{ style: { display: "none" } }}>
        <Alert type="warning" showIcon message={t("apiKeyShownOnce")} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="issued-api-key">
          {issued}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
