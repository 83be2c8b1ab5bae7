import { App, type ButtonProps, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { applyFieldErrors } from "../../api/form-errors.js";
import { asApiError } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";

/**
 * 撤回申请: the project unit withdraws its application for one matter (`POST /cases/:id/withdrawal`), with a
 * reason recorded in the case's history. Open cases only; the server refuses a closed one.
 */
export function WithdrawDialog({ caseId, matterName, onClose, onDone }: { caseId: string; matterName: string; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [unmatched, setUnmatched] = useState<ApiError["fields"]>();

  async function submit() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(undefined);
    try {
      await api(`/cases/${encodeURIComponent(caseId)}/withdrawal`, { method: "POST", body: { reason: values.reason.trim() } });
      message.success(t("caseWithdrawn", { matter: matterName }));
      onDone();
    } catch (cause) {
      const e = asApiError(cause);
      if (e) {
        setUnmatched(applyFieldErrors(form, e, lang, ["reason"]));
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t("caseWithdrawTitle", { matter: matterName })}
      okText={t("caseWithdraw")}
      cancelText={t("cancel")}
      okButtonProps={{ danger: true, loading: busy, "data-testid": "withdraw-submit" } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("caseWithdrawHint")}</Typography.Paragraph>
      <ErrorAlert error={error} fields={unmatched} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t("caseWithdrawReason")} rules={[{ required: true, whitespace: true, message: t("caseFieldRequired") }]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="withdraw-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
