import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Alert, Card, Descriptions, Input, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { type ApiError, api } from "../api/client.js";
import { asApiError } from "../api/hooks.js";
import type { CodeCheck } from "../api/types.js";
import { ErrorAlert } from "../components/ErrorAlert.js";
import { type DictKey, isDictKey, useI18n } from "../i18n/index.js";
import { hasProjectCodeShape, normaliseProjectCode } from "../lib/project-code.js";

type Outcome = { kind: "answer"; check: CodeCheck } | { kind: "error"; error: ApiError };

const FORMAT_LABEL: Record<CodeCheck["format"], DictKey> = {
  current: "formatCurrent",
  legacy: "formatLegacy",
  invalid: "formatInvalid",
};

function Verdict({ good, text }: { good: boolean; text: string }) {
  return (
    <span style={{ color: good ? "#15803d" : "#b91c1c" }}>
      {good ? <CheckCircleFilled /> : <CloseCircleFilled />} {text}
    </span>
  );
}

/** Why a code leads to no project: the first reason that applies, in the order the server checks them. */
function whyNot(check: CodeCheck): DictKey {
  if (check.format === "invalid") return "codeNotRecognised";
  if (!check.checkCharacterValid) return "codeWrongCheck";
  return "projectNotFound";
}

function CheckResult({ check }: { check: CodeCheck }) {
  const { t } = useI18n();
  const items = [
    { key: "code", label: t("codeField"), children: <Typography.Text code>{check.code}</Typography.Text> },
    { key: "format", label: t("codeFormat"), children: t(FORMAT_LABEL[check.format]) },
    {
      key: "check",
      label: t("checkCharacter"),
      children: <Verdict good={check.checkCharacterValid} text={t(check.checkCharacterValid ? "checkValid" : "checkInvalid")} />,
    },
    { key: "exists", label: t("exists"), children: <Verdict good={check.exists} text={t(check.exists ? "existsYes" : "existsNo")} /> },
  ];
  if (check.projectName) items.push({ key: "name", label: t("projectName"), children: <>{check.projectName}</> });
  if (check.status) {
    const key = `status_${check.status}`;
    items.push({ key: "status", label: t("projectStatus"), children: <>{isDictKey(key) ? t(key) : check.status}</> });
  }
  return (
    <Card title={t("codeResultTitle")} data-testid="code-result" style={{ textAlign: "left" }}>
      {!check.exists && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="code-why-not" title={t(whyNot(check))} />
      )}
      <Descriptions column={1} bordered size="small" items={items} />
    </Card>
  );
}

/**
 * 项目代码查询: anyone can look a project up by its code (Art. 13, 18). A code on the platform opens the
 * project's public page; any other code gets the reason (form, check character, or not registered).
 */
export function CodeSearch() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [value, setValue] = useState("");
  const [shapeError, setShapeError] = useState<DictKey>();
  const [loading, setLoading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  async function search(raw: string) {
    const code = normaliseProjectCode(raw);
    setValue(code);
    setOutcome(undefined);
    if (!code) return setShapeError("codeRequired");
    if (!hasProjectCodeShape(code)) return setShapeError("codeShapeInvalid");
    setShapeError(undefined);
    setLoading(true);
    try {
      const check = await api<CodeCheck>(`/codes/${encodeURIComponent(code)}/check`);
      if (check.exists) {
        navigate(`/projects/${encodeURIComponent(check.code)}`);
        return;
      }
      setOutcome({ kind: "answer", check });
    } catch (cause) {
      const error = asApiError(cause);
      if (error) setOutcome({ kind: "error", error });
    } finally {
      setLoading(false);
    }
  }

  return (
    <div style={{ maxWidth: 720, margin: "0 auto" }}>
      <Input.Search
        size="large"
        enterButton={t("searchButton")}
        placeholder={t("searchPlaceholder")}
        aria-label={t("searchPlaceholder")}
        data-testid="code-search"
        value={value}
        maxLength={40}
        status={shapeError ? "error" : undefined}
        loading={loading}
        onChange={(e) => {
          setValue(e.target.value);
          if (shapeError) setShapeError(undefined);
        }}
        onSearch={(v) => void search(v)}
      />
      <div style={{ minHeight: 22, marginTop: 8, color: shapeError ? "#fecaca" : "#dbeafe", textAlign: "left" }} data-testid="code-hint">
        {shapeError ? t(shapeError) : t("searchHint")}
      </div>
      <div style={{ marginTop: 16 }}>
        {outcome?.kind === "answer" && <CheckResult check={outcome.check} />}
        {outcome?.kind === "error" && <ErrorAlert error={outcome.error} />}
        {outcome === undefined && shapeError === undefined && loading && <Alert type="info" title={t("loading")} />}
      </div>
    </div>
  );
}
