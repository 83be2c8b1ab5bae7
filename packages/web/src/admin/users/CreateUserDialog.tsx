import { ROLE_LABELS, ROLES, type Role } from "@tzxm/shared";
import { Alert, App, Form, Input, Modal, Select } from "antd";
import { api } from "../../api/client.js";
import { useApi } from "../../api/hooks.js";
import type { OrganisationRow, Page } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { meetsPasswordPolicy } from "../../lib/password-policy.js";
import { useFormRequest } from "../../lib/use-form-request.js";

interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  organisationId: number | string;
  password: string;
}

const FIELDS = ["username", "displayName", "role", "organisationId", "password"] as const;

export function CreateUserDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(): void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const { run, busy, error, unmatched } = useFormRequest(form, FIELDS);
  const organisations = useApi<Page<OrganisationRow>>(open ? "/organisations" : null, { page: 1, pageSize: 100 });

  async function create(values: NewUser) {
    await run(async () => {
      await api("/users", { method: "POST", body: { ...values, username: values.username.trim() } });
      message.success(t("createdUser", { username: values.username.trim() }));
      form.resetFields();
      onCreated();
    });
  }

  return (
    <Modal
      open={open}
      title={t("createUser")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("submit")}
      cancelText={t("cancel")}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="create-user-dialog"
    >
      <ErrorAlert error={error} fields={unmatched} style={{ marginBottom: 16 }} />
      <ErrorAlert error={organisations.error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(v) => void create(v)} preserve={false}>
        <Form.Item name="username" label={t("username")} rules={[{ required: true, whitespace: true, message: t("usernameRequired") }]}>
          <Input autoComplete="off" data-testid="new-user-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t("displayName")} rules={[{ required: true, whitespace: true, message: t("displayNameRequired") }]}>
          <Input data-testid="new-user-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t("role")} rules={[{ required: true, message: t("roleRequired") }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            data-testid="new-user-role"
            options={ROLES.map((role) => ({ value: role, label: pick(ROLE_LABELS[role], role) }))}
          />
        </Form.Item>
        <Form.Item name="organisationId" label={t("organisation")} rules={[{ required: true, message: t("organisationRequired") }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={organisations.loading}
            data-testid="new-user-organisation"
            options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.regionName}）` }))}
          />
        </Form.Item>
        <Alert type="info" showIcon title={t("passwordPolicy")} style={{ marginBottom: 12 }} />
        <Form.Item
          name="password"
          label={t("initialPassword")}
          rules={[
            { required: true, message: t("passwordRequired") },
            { validator: async (_, value: string | undefined) => {
                if (value && !meetsPasswordPolicy(value)) throw new Error(t("passwordPolicyFail"));
              } },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-user-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
