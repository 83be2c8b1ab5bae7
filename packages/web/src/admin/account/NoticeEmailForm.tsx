import { App, Button, Form, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { applyFieldErrors } from "../../api/form-errors.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";

/** 通知邮箱: where deadline warnings are mailed, when the platform has a mail server. Empty clears it. */
export function NoticeEmailForm() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const current = useApi<{ email: string | null; mailEnabled: boolean }>("/account/email");
  const [form] = Form.useForm<{ email: string }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (current.data) form.setFieldsValue({ email: current.data.email ?? "" });
  }, [current.data, form]);

  async function save({ email }: { email: string }) {
    setBusy(true);
    setError(undefined);
    try {
      await api("/account/email", { method: "PUT", body: { email: email.trim() ? email.trim() : null } });
      message.success(t("noticeEmailSaved"));
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) {
        setError(apiError);
        applyFieldErrors(form, apiError, lang, ["email"]);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={save}>
      <Typography.Paragraph type="secondary">{t(current.data?.mailEnabled ? "noticeEmailHint" : "noticeEmailDisabled")}</Typography.Paragraph>
      <ErrorAlert error={error ?? current.error} style={{ marginBottom: 12 }} />
      <Form.Item name="email" label={t("noticeEmail")}>
        <Input type="email" maxLength={254} autoComplete="email" data-testid="notice-email" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="notice-email-save">
        {t("noticeEmailSave")}
      </Button>
    </Form>
  );
}
