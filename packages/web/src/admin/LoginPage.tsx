import { LockOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Space, Typography } from "antd";
import { useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router-dom";
import type { ApiError } from "../api/client.js";
import { applyFieldErrors } from "../api/form-errors.js";
import { asApiError } from "../api/hooks.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { LanguageSwitch } from "../components/LanguageSwitch.js";
import { usePlatform } from "../context/PlatformContext.js";
import { safeNext, useSession } from "../context/SessionContext.js";
import { useI18n } from "../i18n/index.js";

interface LoginForm {
  username: string;
  password: string;
  otp?: string;
}

const FIELDS = ["username", "password", "otp"] as const;

export function LoginPage() {
  const { t, lang } = useI18n();
  const { name } = usePlatform();
  const { user, status, login } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<LoginForm>();
  const [needOtp, setNeedOtp] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [unmatched, setUnmatched] = useState<ApiError["fields"]>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get("next"));

  if (status === "ready" && user && !busy) return <Navigate to={next} replace />;

  async function submit(values: LoginForm) {
    setBusy(true);
    setError(undefined);
    try {
      const signedIn = await login({
        username: values.username.trim(),
        password: values.password,
        ...(needOtp && values.otp ? { otp: values.otp.trim() } : {}),
      });
      navigate(signedIn.mustEnrolSecondFactor ? "/admin/enrol" : next, { replace: true });
    } catch (cause) {
      const apiError = asApiError(cause);
      if (!apiError) return;
      if (apiError.code === "SECOND_FACTOR_REQUIRED") {
        // Not a failure: the password was right; ask for the code and keep what was typed.
        setNeedOtp(true);
        return;
      }
      if (apiError.code === "SECOND_FACTOR_INVALID") {
        form.setFields([{ name: "otp", value: "", errors: [lang === "en" ? apiError.messageEn : apiError.messageZh] }]);
        return;
      }
      if (apiError.code === "INVALID_CREDENTIALS") form.setFieldValue("password", "");
      setUnmatched(applyFieldErrors(form, apiError, lang, FIELDS));
      setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: "80vh", display: "flex", alignItems: "center", justifyContent: "center", padding: 24 }}>
      <Card style={{ width: 420, maxWidth: "100%" }}>
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
            <Typography.Text type="secondary">{name}</Typography.Text>
            <LanguageSwitch />
          </div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("loginTitle")}
          </Typography.Title>
          {params.get("expired") === "1" && !error && (
            <Alert type="warning" showIcon title={t("sessionExpired")} data-testid="session-expired" />
          )}
          {needOtp && !error && <Alert type="info" showIcon title={t("secondFactorPrompt")} />}
          <ErrorAlert error={error} fields={unmatched} />
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} disabled={busy}>
            <Form.Item name="username" label={t("username")} rules={[{ required: true, whitespace: true, message: t("usernameRequired") }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label={t("password")} rules={[{ required: true, message: t("passwordRequired") }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            {needOtp && (
              <Form.Item
                name="otp"
                label={t("otp")}
                extra={t("otpHint")}
                rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t("otpRequired") }]}
              >
                <Input
                  prefix={<SafetyOutlined />}
                  autoComplete="one-time-code"
                  inputMode="numeric"
                  maxLength={8}
                  data-testid="login-otp"
                  autoFocus
                />
              </Form.Item>
            )}
            <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
              {t("loginSubmit")}
            </Button>
          </Form>
          <Link to="/">{t("backHome")}</Link>
        </Space>
      </Card>
    </div>
  );
}
