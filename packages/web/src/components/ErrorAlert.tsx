import { Alert, Typography } from "antd";
import type { ApiError } from "../api/client.js";
import { useI18n } from "../i18n/index.js";

/** The server's message in the chosen language, with the request id people quote to the operators. */
export function ErrorAlert({ error, fields, style }: { error: ApiError | undefined; fields?: ApiError["fields"]; style?: React.CSSProperties }) {
  const { lang, t } = useI18n();
  if (!error) return null;
  const shownFields = fields ?? error.fields;
  return (
    <Alert
      type="error"
      showIcon
      style={style}
      data-testid="error-alert"
      data-code={error.code}
      title={lang === "en" ? error.messageEn : error.messageZh}
      description={
        <>
          {shownFields.length > 0 && (
            <ul style={{ margin: "4px 0", paddingInlineStart: 20 }}>
              {shownFields.map((f) => (
                <li key={f.path}>
                  <Typography.Text code>{f.path}</Typography.Text> {lang === "en" ? f.messageEn : f.message}
                </li>
              ))}
            </ul>
          )}
          {error.requestId && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("requestId")}: <Typography.Text copyable style={{ fontSize: 12 }}>{error.requestId}</Typography.Text>
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
