import { Alert } from "antd";
import type { ApiError } from "../../api/client.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";

/** Refusals about the project as a whole, which no field edit fixes: shown large, in Chinese and English. */
const PROMINENT = new Set(["WRONG_JURISDICTION", "CLASSIFIED_PROJECT_REFUSED"]);

/** The server's refusal of a declaration; the fields it names are marked on the form, the rest listed here. */
export function SubmitError({ error, unmatched }: { error: ApiError; unmatched: ApiError["fields"] }) {
  const { lang } = useI18n();
  if (!PROMINENT.has(error.code)) return <ErrorAlert error={error} fields={unmatched} style={{ marginBottom: 16 }} />;
  const [first, second] = lang === "en" ? [error.messageEn, error.messageZh] : [error.messageZh, error.messageEn];
  return (
    <Alert
      type="error"
      showIcon
      banner
      style={{ marginBottom: 16, fontSize: 16, padding: 16 }}
      data-testid="decl-refused"
      data-code={error.code}
      title={<strong style={{ fontSize: 18 }}>{first}</strong>}
      description={second}
    />
  );
}
