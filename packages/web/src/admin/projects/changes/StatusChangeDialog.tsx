import { Alert, Button, Form, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../../api/client.js";
import { applyFieldErrors } from "../../../api/form-errors.js";
import { asApiError } from "../../../api/hooks.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { useI18n } from "../../../i18n/index.js";
import type { ChangeOutcome, ChangeRequest } from "./change-kinds.js";

interface ReasonValues {
  reason?: string;
}

/** The reason of an application: required, 2 to 1000 characters (the server's rule). */
export function useReasonRules() {
  const { t } = useI18n();
  return [{ required: true, whitespace: true, min: 2, max: 1000, message: t("chgReasonRule") }];
}

/**
 * 中止 or 撤回 (Art. 14(1)): a confirmation with the unit's reason. Rendered only while open, so that its form
 * exists only with its Modal.
 */
export function StatusChangeDialog(props: {
  code: string;
  kind: "suspension" | "withdrawal";
  onDone: (outcome: ChangeOutcome) => void;
  onClose: () => void;
}) {
  const { code, kind, onDone, onClose } = props;
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ReasonValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ error: ApiError; unmatched: ApiError["fields"] }>();
  const rules = useReasonRules();

  async function submit() {
    let values: ReasonValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setSubmitting(true);
    setError(undefined);
    try {
      const body: ChangeRequest = { kind, reason: (values.reason ?? "").trim() };
      onDone(await api<ChangeOutcome>(`/projects/${encodeURIComponent(code)}/changes`, { method: "POST", body }));
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) setError({ error: apiError, unmatched: applyFieldErrors(form, apiError, lang, ["reason"]) });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      title={t(`chgTitle_${kind}`)}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose} disabled={submitting}>
            {t("chgCancel")}
          </Button>
          <Button type="primary" danger={kind === "withdrawal"} loading={submitting} onClick={() => void submit()} data-testid="change-status-submit">
            {t("chgSubmit")}
          </Button>
        </Space>
      }
      destroyOnHidden
    >
      <div data-testid="change-status-dialog" data-kind={kind}>
        <Typography.Paragraph>
          {t("codeField")}: <Typography.Text code>{code}</Typography.Text>
        </Typography.Paragraph>
        <Alert type={kind === "withdrawal" ? "warning" : "info"} showIcon title={t(kind === "withdrawal" ? "chgWithdrawalText" : "chgSuspensionText")} style={{ marginBottom: 16 }} />
        {error && <ErrorAlert error={error.error} fields={error.unmatched} style={{ marginBottom: 16 }} />}
        <Form<ReasonValues> form={form} name="change-status" layout="vertical" disabled={submitting}>
          <Form.Item name="reason" label={t("chgReason")} rules={rules}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="change-status-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
