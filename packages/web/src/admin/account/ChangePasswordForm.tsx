import { Alert, App, Button, Form, Input } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { applyFieldErrors } from "../../api/form-errors.js";
import { asApiError } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { meetsPasswordPolicy } from "../../lib/password-policy.js";

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ["currentPassword", "newPassword"] as const;

export function ChangePasswordForm() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<ApiError>();
  const [unmatched, setUnmatched] = useState<ApiError["fields"]>();
  const [busy, setBusy] = useState(false);

  async function change({ currentPassword, newPassword }: PasswordForm) {
    setBusy(true);
    setError(undefined);
    try {
      await api<void>("/auth/password", { method: "POST", body: { currentPassword, newPassword } });
      message.success(t("passwordChanged"));
      form.resetFields();
    } catch (cause) {
      const apiError = asApiError(cause);
      if (!apiError) return;
      if (apiError.code === "INVALID_CREDENTIALS") {
        form.setFields([{ name: "currentPassword", errors: [lang === "en" ? apiError.messageEn : apiError.messageZh] }]);
      }
      setUnmatched(applyFieldErrors(form, apiError, lang, FIELDS));
      setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void change(v)} style={{ maxWidth: 420 }} disabled={busy}>
      <Alert type="info" showIcon title={t("passwordPolicy")} style={{ marginBottom: 16 }} data-testid="password-policy" />
      <ErrorAlert error={error} fields={unmatched} style={{ marginBottom: 16 }} />
      <Form.Item name="currentPassword" label={t("currentPassword")} rules={[{ required: true, message: t("passwordRequired") }]}>
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t("newPassword")}
        rules={[
          { required: true, message: t("passwordRequired") },
          {
            validator: async (_, value: string | undefined) => {
              if (value && !meetsPasswordPolicy(value)) throw new Error(t("passwordPolicyFail"));
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t("confirmPassword")}
        dependencies={["newPassword"]}
        rules={[
          { required: true, message: t("passwordRequired") },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue("newPassword")) throw new Error(t("passwordMismatch"));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="change-password-submit">
        {t("changePassword")}
      </Button>
    </Form>
  );
}
