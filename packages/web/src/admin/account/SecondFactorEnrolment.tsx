import { Alert, App, Button, Descriptions, Form, Input, QRCode, Space, Typography } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { applyFieldErrors } from "../../api/form-errors.js";
import { asApiError } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";

interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

/** TOTP enrolment (RFC 6238): the server issues a secret, the user proves the app has it with one code. */
export function SecondFactorEnrolment({ onEnrolled }: { onEnrolled?(): void }) {
  const { t, lang } = useI18n();
  const { user, refresh } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ otp: string }>();
  const [setup, setSetup] = useState<TotpSetup>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setError(undefined);
    try {
      setSetup(await api<TotpSetup>("/auth/totp/setup", { method: "POST" }));
    } catch (cause) {
      setError(asApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  async function confirm({ otp }: { otp: string }) {
    setBusy(true);
    setError(undefined);
    try {
      await api<void>("/auth/totp/confirm", { method: "POST", body: { otp: otp.trim() } });
      message.success(t("enrolmentDone"));
      setSetup(undefined);
      await refresh();
      onEnrolled?.();
    } catch (cause) {
      const apiError = asApiError(cause);
      if (!apiError) return;
      const unmatched = applyFieldErrors(form, apiError, lang, ["otp"]);
      if (apiError.code.startsWith("SECOND_FACTOR") && unmatched.length === apiError.fields.length) {
        form.setFields([{ name: "otp", errors: [lang === "en" ? apiError.messageEn : apiError.messageZh] }]);
      } else {
        setError(apiError);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="second-factor">
      <Alert
        type={user?.secondFactorEnrolled ? "success" : "warning"}
        showIcon
        title={user?.secondFactorEnrolled ? t("secondFactorOn") : t("secondFactorOff")}
      />
      <ErrorAlert error={error} />
      {!setup && (
        <Button type="primary" onClick={() => void start()} loading={busy} data-testid="totp-start">
          {user?.secondFactorEnrolled ? t("reEnrol") : t("startEnrolment")}
        </Button>
      )}
      {setup && (
        <>
          <Typography.Paragraph>{t("enrolSteps")}</Typography.Paragraph>
          <Space align="start" wrap size="large">
            <QRCode value={setup.otpauthUrl} size={180} data-testid="totp-qr" />
            <Descriptions
              column={1}
              size="small"
              bordered
              style={{ maxWidth: 520 }}
              styles={{ label: { whiteSpace: "nowrap" } }}
              items={[
                {
                  key: "secret",
                  label: t("totpSecret"),
                  children: (
                    <Typography.Text code copyable data-testid="totp-secret">
                      {setup.secret}
                    </Typography.Text>
                  ),
                },
                {
                  key: "url",
                  label: t("otpauthUrl"),
                  children: (
                    <Typography.Text copyable style={{ wordBreak: "break-all", fontSize: 12 }} data-testid="totp-url">
                      {setup.otpauthUrl}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </Space>
          <Form form={form} layout="inline" onFinish={(v) => void confirm(v)}>
            <Form.Item name="otp" label={t("otp")} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t("otpRequired") }]}>
              <Input autoComplete="one-time-code" inputMode="numeric" maxLength={8} data-testid="totp-otp" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
              {t("confirmEnrolment")}
            </Button>
          </Form>
        </>
      )}
    </Space>
  );
}
