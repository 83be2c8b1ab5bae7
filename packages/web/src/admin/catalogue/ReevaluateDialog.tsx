import { ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Empty, Input, List, Modal, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { isDictKey, useI18n } from "../../i18n/index.js";
import type { ReevaluationDiff, ReevaluationResult } from "./types.js";

/**
 * 重新评估应办事项 in the project drawer, for the comprehensive management department: what the current rules
 * and guides say beside what the project was told, applied only on request, with a reason (audited).
 */
export function ReevaluateAction({ code, onDone }: { code: string; onDone(): void }) {
  const { t } = useI18n();
  const { can, user } = useSession();
  const [open, setOpen] = useState(false);
  if (!can("catalogue:manage") || user?.organisation.kind !== "comprehensive") return null;
  return (
    <>
      <Button icon={<ReloadOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 16 }} data-testid="project-reevaluate">
        {t("catReevaluate")}
      </Button>
      {open && <ReevaluateDialog code={code} onClose={() => setOpen(false)} onDone={onDone} />}
    </>
  );
}

function ReevaluateDialog({ code, onClose, onDone }: { code: string; onClose(): void; onDone(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const diff = useApi<ReevaluationDiff>(`/projects/${encodeURIComponent(code)}/matters/reevaluation`);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<ReevaluationResult>();
  const d = diff.data;
  const applicable = d ? d.added.length + d.notRequired.filter((m) => m.withdrawable).length : 0;
  const reasons = (r: { zh: string[]; en: string[] }) => (lang === "en" ? r.en : r.zh).join("；");
  const status = (s: string) => {
    const key = `matterStatus_${s}`;
    return isDictKey(key) ? t(key) : s;
  };

  async function apply() {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<ReevaluationResult>(`/projects/${encodeURIComponent(code)}/matters/reevaluate`, { method: "POST", body: { reason: reason.trim() } });
      setResult(answer);
      message.success(t("catReevaluated"));
      onDone();
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  const section = <T,>(title: string, items: T[], testId: string, render: (item: T) => React.ReactNode) => (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      {items.length === 0 ? (
        <Typography.Paragraph type="secondary">{t("guideNone")}</Typography.Paragraph>
      ) : (
        <List size="small" bordered dataSource={items} renderItem={(item) => <List.Item data-testid={testId}>{render(item)}</List.Item>} style={{ marginBottom: 16 }} />
      )}
    </>
  );

  return (
    <Modal
      open
      width={760}
      title={t("catReevaluateTitle", { code })}
      onCancel={onClose}
      destroyOnHidden
      okText={result ? t("close") : t("catReevaluateApply")}
      cancelText={t("cancel")}
      onOk={() => (result ? onClose() : void apply())}
      okButtonProps={{ disabled: !result && (applicable === 0 || !reason.trim() || d?.closed), loading: busy, "data-testid": "reevaluate-apply" }}
    >
      <div data-testid="reevaluate-dialog">
        <ErrorAlert error={diff.error ?? error} style={{ marginBottom: 16 }} />
        {diff.loading && !d && <Spin />}
        {result && (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="reevaluate-result"
            title={t("catReevaluateDone", { added: result.added.length, withdrawn: result.withdrawn.length, kept: result.keptNotRequired.length })}
            description={result.added.map((m) => m.matterCode).join("、")}
          />
        )}
        {d && !result && (
          <>
            <Typography.Paragraph type="secondary">{t("catReevaluateHint")}</Typography.Paragraph>
            {d.closed && <Alert type="warning" showIcon title={t("catReevaluateClosed")} style={{ marginBottom: 16 }} />}
            {section(t("catAdded"), d.added, "reevaluate-added", (m) => (
              <div>
                <Typography.Text strong>{m.matterName}</Typography.Text> <Typography.Text code>{m.matterCode}</Typography.Text>
                {m.guideVersion !== null && <Tag color="blue">v{m.guideVersion}</Tag>}
                <div>
                  <Typography.Text type="secondary">{reasons(m.reasons)}</Typography.Text>
                </div>
              </div>
            ))}
            {section(t("catNoLongerRequired"), d.notRequired, "reevaluate-not-required", (m) => (
              <div>
                <Typography.Text strong>{m.matterName}</Typography.Text> <Tag>{status(m.status)}</Tag>
                <Tag color={m.withdrawable ? "orange" : "default"}>{m.withdrawable ? t("catWillWithdraw") : t("catKept")}</Tag>
                <div>
                  <Typography.Text type="secondary">{reasons(m.reasons)}</Typography.Text>
                </div>
              </div>
            ))}
            {section(t("catNewerVersions"), d.updated, "reevaluate-updated", (m) => (
              <div>
                <Typography.Text strong>{m.matterName}</Typography.Text>{" "}
                {m.currentMatterVersion > m.toldMatterVersion && <Tag>{t("catMatterVersionChange", { told: m.toldMatterVersion, now: m.currentMatterVersion })}</Tag>}
                {(m.currentGuideVersion ?? 0) > (m.toldGuideVersion ?? 0) && <Tag>{t("catGuideVersionChange", { told: m.toldGuideVersion ?? "—", now: m.currentGuideVersion ?? "—" })}</Tag>}
              </div>
            ))}
            {applicable === 0 ? (
              <Empty description={t("catNothingToApply")} />
            ) : (
              <Input.TextArea placeholder={t("catReevaluateReason")} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="reevaluate-reason" />
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
