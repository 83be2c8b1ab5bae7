import { Alert, App, Button, type ButtonProps, Descriptions, Form, Input, InputNumber, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { applyFieldErrors } from "../../api/form-errors.js";
import { asApiError } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { isDictKey, useI18n } from "../../i18n/index.js";
import type { Obligations } from "./implementation-types.js";

const STATE_COLOR: Record<string, string> = { overdue: "red", due_soon: "orange", upcoming: "blue", open: "default", unknown: "default" };

type Dialog = { kind: "apply" } | { kind: "decide"; decision: "approve" | "refuse" } | { kind: "explain" };

/**
 * 应报事项: the progress reports due (with their state), the 核准 decision's validity with the 延期开工 window
 * (条例 第十二条) and, for the deciding department, the pending application; a filed project's 2-year explanation
 * (令2018年第14号 第十五条). Each action is a small dialog; the server decides and names any failing field.
 */
export function ImplementationObligations({ obligations: o, onChanged }: { obligations: Obligations; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [form] = Form.useForm<{ months?: number; reason?: string; opinion?: string; explanation?: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ error: ApiError; unmatched: ApiError["fields"] }>();
  const label = (key: string, fallback: string) => (isDictKey(key) ? t(key) : fallback);
  const base = `/projects/${encodeURIComponent(o.code)}`;
  const v = o.validity;
  const d = o.dormancy;

  function open(next: Dialog) {
    form.resetFields();
    setError(undefined);
    setDialog(next);
  }

  async function submit() {
    if (!dialog) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSubmitting(true);
    setError(undefined);
    try {
      if (dialog.kind === "apply") await api(`${base}/validity-extension`, { method: "POST", body: { months: values.months, reason: values.reason } });
      if (dialog.kind === "decide") {
        await api(`${base}/validity-extension/decision`, { method: "POST", body: { decision: dialog.decision, opinion: values.opinion, ...(values.months ? { months: values.months } : {}) } });
      }
      if (dialog.kind === "explain") await api(`${base}/dormancy-explanation`, { method: "POST", body: { explanation: values.explanation } });
      message.success(t("implExtDone"));
      setDialog(null);
      onChanged();
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) setError({ error: apiError, unmatched: applyFieldErrors(form, apiError, lang, ["months", "reason", "opinion", "explanation"]) });
    } finally {
      setSubmitting(false);
    }
  }

  const due = o.progress.filter((p) => p.state !== "covered");
  const nothing = due.length === 0 && !v && !d;
  return (
    <div data-testid="implementation-obligations">
      <Typography.Text strong>{t("implDue")}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
        {t("implFrequency", { f: label(`implFreq_${o.reportFrequency}`, o.reportFrequency) })}
      </Typography.Text>
      {nothing && <div style={{ marginTop: 4 }}>{t("implNothingDue")}</div>}
      {due.map((p) => (
        <div key={p.from} data-testid="obligation-period" data-state={p.state} style={{ marginTop: 4 }}>
          <Space wrap>
            <Tag color={STATE_COLOR[p.state] ?? "default"}>{label(`implState_${p.state}`, p.state)}</Tag>
            <span>{t("implPeriod", { from: p.from, to: p.to })}</span>
            <Typography.Text type="secondary">{p.dueDate ? t("implPeriodDue", { date: p.dueDate }) : t("implPeriodDueUnknown", { year: p.unavailableYear ?? "" })}</Typography.Text>
          </Space>
        </div>
      ))}
      {v && (
        <Descriptions size="small" column={1} bordered style={{ marginTop: 8 }} title={t("implValidity")} data-testid="obligation-validity">
          <Descriptions.Item label={t("implDecisionOn")}>{v.decisionOn}</Descriptions.Item>
          <Descriptions.Item label={t("implExpiresOn")}>{v.expiresOn ?? t("implExpiresUnknown", { nominal: v.nominalExpiresOn, year: v.unavailableYear ?? "" })}</Descriptions.Item>
          {v.extensionApplyBy && <Descriptions.Item label={t("implApplyBy")}>{v.extensionApplyBy}</Descriptions.Item>}
          {v.lapsesOn && o.status !== "lapsed" && <Descriptions.Item label={t("implValidity")}>{t("implLapsesOn", { date: v.lapsesOn })}</Descriptions.Item>}
          {v.extension && (
            <Descriptions.Item label={t("implExtension")}>
              <Space wrap data-testid="obligation-extension" data-status={v.extension.status}>
                <Tag>{label(`implExtStatus_${v.extension.status}`, v.extension.status)}</Tag>
                <span>{`${v.extension.months} × ${t("implExtMonths")}`}</span>
                {v.extension.status === "pending" && <Typography.Text type="secondary">{t("implExtDecisionDue", { date: v.extension.decisionDueOn })}</Typography.Text>}
                {v.extension.opinion && <Typography.Text type="secondary">{v.extension.opinion}</Typography.Text>}
                {v.extension.canDecide && (
                  <>
                    <Button size="small" type="primary" onClick={() => open({ kind: "decide", decision: "approve" })} data-testid="extension-approve">
                      {t("implExtApprove")}
                    </Button>
                    <Button size="small" danger onClick={() => open({ kind: "decide", decision: "refuse" })} data-testid="extension-refuse">
                      {t("implExtRefuse")}
                    </Button>
                  </>
                )}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {v?.canApplyForExtension && (
        <Button style={{ marginTop: 8 }} onClick={() => open({ kind: "apply" })} data-testid="extension-apply">
          {t("implExtApply")}
        </Button>
      )}
      {d && (
        <div style={{ marginTop: 8 }} data-testid="obligation-dormancy" data-phase={d.phase}>
          {d.delisted ? (
            <Alert type="error" showIcon title={t("implDelisted")} />
          ) : (
            <Space wrap>
              <Typography.Text>{t("implDormancy")}</Typography.Text>
              <Tag color={d.canExplain ? "orange" : "default"}>{label(`implPhase_${d.phase}`, d.phase)}</Tag>
              {d.periodEndsOn && <Typography.Text type="secondary">{`${t("implDormancyEnds")}: ${d.periodEndsOn}`}</Typography.Text>}
              {d.delistOn && !d.explanation && <Typography.Text type="danger">{t("implDelistOn", { date: d.delistOn })}</Typography.Text>}
              {d.explanation && <Typography.Text type="secondary">{t("implExplained", { date: d.explanation.explainedOn })}</Typography.Text>}
              {d.canExplain && !d.explanation && (
                <Button size="small" type="primary" onClick={() => open({ kind: "explain" })} data-testid="dormancy-explain">
                  {t("implExplain")}
                </Button>
              )}
            </Space>
          )}
        </div>
      )}
      <Modal
        open={dialog !== null}
        title={dialog?.kind === "apply" ? t("implExtApply") : dialog?.kind === "explain" ? t("implExplain") : t("implExtension")}
        onCancel={() => setDialog(null)}
        onOk={() => void submit()}
        confirmLoading={submitting}
        okButtonProps={{ "data-testid": "implementation-dialog-ok" } as ButtonProps}
        destroyOnHidden
      >
        <ErrorAlert error={error?.error} fields={error?.unmatched} style={{ marginBottom: 8 }} />
        <Form form={form} layout="vertical" name="obligation">
          {(dialog?.kind === "apply" || (dialog?.kind === "decide" && dialog.decision === "approve")) && (
            <Form.Item name="months" label={t("implExtMonths")} rules={[{ required: dialog.kind === "apply", message: t("implExtMonths") }]}>
              <InputNumber min={1} max={12} precision={0} />
            </Form.Item>
          )}
          {dialog?.kind === "apply" && (
            <Form.Item name="reason" label={t("implExtReason")} rules={[{ required: true, whitespace: true, min: 2, max: 2000, message: t("implExtReason") }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {dialog?.kind === "decide" && (
            <Form.Item name="opinion" label={t("implExtOpinion")} rules={[{ required: true, whitespace: true, min: 2, max: 2000, message: t("implExtOpinion") }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {dialog?.kind === "explain" && (
            <Form.Item name="explanation" label={t("implExplainText")} rules={[{ required: true, whitespace: true, min: 10, max: 4000, message: t("implExplainText") }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
