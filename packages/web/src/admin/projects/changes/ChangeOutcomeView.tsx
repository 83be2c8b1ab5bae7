import { Alert, Button, Space, Tag, Typography } from "antd";
import { isDictKey, useI18n } from "../../../i18n/index.js";
import { type ChangeOutcome, majorReasonLabel } from "./change-kinds.js";

/**
 * What an application did: a new version under the same code, a new status, or — for a major change — the NEW
 * code, why, and that the old code now points to it.
 */
export function ChangeOutcomeView({ outcome, onOpen, onClose }: { outcome: ChangeOutcome; onOpen: (code: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const statusKey = `status_${outcome.status}`;
  const statusLabel = isDictKey(statusKey) ? t(statusKey) : outcome.status;

  if (outcome.major) {
    const previous = outcome.previousCode ?? "";
    return (
      <Alert
        type="warning"
        showIcon
        closable={{ onClose }}
        style={{ marginBottom: 16, padding: 16 }}
        data-testid="change-result"
        data-major="true"
        title={<strong style={{ fontSize: 16 }}>{t("chgMajorTitle")}</strong>}
        description={
          <Space orientation="vertical" size="small" style={{ width: "100%" }}>
            <div>
              {t("chgNewCode")}:{" "}
              <Typography.Text code copyable strong style={{ fontSize: 18 }} data-testid="change-new-code">
                {outcome.code}
              </Typography.Text>
            </div>
            <div data-testid="change-major-reasons">
              {t("chgMajorReasons")}:{" "}
              {outcome.reasons.map((r) => (
                <Tag key={r} color="orange">
                  {majorReasonLabel(r, t)}
                </Tag>
              ))}
            </div>
            <div>{t("chgMajorOld", { code: previous, newCode: outcome.code })}</div>
            <Button type="primary" onClick={() => onOpen(outcome.code)} data-testid="change-open-new">
              {t("chgOpenNew")}
            </Button>
          </Space>
        }
      />
    );
  }
  const text = outcome.kind === "adjustment" || outcome.kind === "extension" ? t("chgSavedVersion", { version: outcome.version }) : t("chgStatusDone", { status: statusLabel });
  return (
    <Alert type="success" showIcon closable={{ onClose }} style={{ marginBottom: 16 }} data-testid="change-result" data-major="false" title={text} />
  );
}
