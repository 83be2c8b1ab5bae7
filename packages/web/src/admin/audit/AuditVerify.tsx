import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError } from "../../api/hooks.js";
import type { AuditVerification } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";

/** Recomputes the hash chain on the server (等保三级 审计记录保护) and says where it breaks, if anywhere. */
export function AuditVerifyPanel({ onVerified }: { onVerified(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditVerification>();
  const [error, setError] = useState<ApiError>();

  async function verify() {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await api<AuditVerification>("/audit/verify", { method: "POST" }));
      onVerified();
    } catch (cause) {
      setError(asApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ marginBottom: 16 }}>
      <Button icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void verify()} data-testid="audit-verify">
        {t("verifyChain")}
      </Button>
      {(result || error) && (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={error} />
          {result && <VerificationResult result={result} />}
        </div>
      )}
    </div>
  );
}

function VerificationResult({ result }: { result: AuditVerification }) {
  const { t, lang } = useI18n();
  const sealed = result.sealedThrough !== undefined ? t("sealedThrough", { seq: result.sealedThrough }) : undefined;
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-verify-result"
        data-ok="true"
        title={t("verifyOk", { count: result.checkedEvents })}
        description={sealed}
      />
    );
  }
  const problem = result.problem;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      data-ok="false"
      title={problem ? t("verifyBroken", { seq: problem.seq, kind: problem.kind }) : t("verifyBroken", { seq: "?", kind: "?" })}
      description={
        <>
          {problem && <div>{lang === "en" ? problem.messageEn : problem.message}</div>}
          {sealed && <div>{sealed}</div>}
        </>
      }
    />
  );
}
