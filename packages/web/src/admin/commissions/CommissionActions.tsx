import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, type ButtonProps, Input, Modal, Rate, Space, Upload } from "antd";
import { useState } from "react";
import { type ApiError, api, uploadRaw } from "../../api/client.js";
import { asApiError } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import type { Commission } from "./types.js";

/** Reports are PDF, OFD or DOCX, at most 50 MB (the server checks the bytes too). */
const REPORT_ACCEPT = ".pdf,.ofd,.docx";
const REPORT_MAX_BYTES = 50 * 1024 * 1024;

interface Props {
  commission: Commission;
  onChanged(next: Commission): void;
  onError(error: ApiError | undefined): void;
}

/** The buttons of one commission: exactly the steps the server says the caller may take now, and the report link. */
export function CommissionActions({ commission: k, onChanged, onError }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<"decline" | "cancel" | "evaluate">();
  const [reason, setReason] = useState("");
  const [score, setScore] = useState(0);
  // A refusal of a dialog's step shows inside the dialog (the page alert sits behind the mask); accept and deliver use the page's.
  const [dialogError, setDialogError] = useState<ApiError>();
  const can = (a: Commission["allowedActions"][number]) => k.allowedActions.includes(a);

  async function run(call: () => Promise<Commission>, done: string) {
    setBusy(true);
    onError(undefined);
    setDialogError(undefined);
    try {
      const next = await call();
      message.success(done);
      onChanged(next);
      setAsking(undefined);
      setReason("");
      setScore(0);
    } catch (cause) {
      if (asking) setDialogError(asApiError(cause));
      else onError(asApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  const post = (path: string, body?: unknown) => () => api<Commission>(`/commissions/${k.id}/${path}`, { method: "POST", ...(body === undefined ? {} : { body }) });

  function deliver(file: File) {
    if (file.size > REPORT_MAX_BYTES) {
      onError(undefined);
      message.error(t("kmReportTooLarge"));
      return;
    }
    void run(() => uploadRaw<Commission>(`/commissions/${k.id}/report`, file, { headers: { "x-file-name": encodeURIComponent(file.name) } }), t("kmDeliveredMsg"));
  }

  const confirm = () => {
    if (asking === "evaluate") void run(post("evaluation", { score, comment: reason.trim() }), t("kmEvaluatedMsg"));
    else if (asking) void run(post(asking, { reason: reason.trim() }), asking === "decline" ? t("kmDeclinedMsg") : t("kmCancelledMsg"));
  };

  return (
    <Space wrap size="small">
      {can("accept") && (
        <Button size="small" type="primary" disabled={busy} data-testid={`commission-accept-${k.id}`} onClick={() => void run(post("accept"), t("kmAcceptedMsg"))}>
          {t("kmAccept")}
        </Button>
      )}
      {can("decline") && (
        <Button size="small" danger disabled={busy} data-testid={`commission-decline-${k.id}`} onClick={() => setAsking("decline")}>
          {t("kmDecline")}
        </Button>
      )}
      {can("deliver") && (
        <Upload accept={REPORT_ACCEPT} showUploadList={false} disabled={busy} beforeUpload={(file) => {
            deliver(file);
            return false;
          }}>
          <Button size="small" type="primary" icon={<UploadOutlined />} loading={busy} data-testid={`commission-deliver-${k.id}`}>
            {t("kmDeliver")}
          </Button>
        </Upload>
      )}
      {can("evaluate") && (
        <Button size="small" type="primary" disabled={busy} data-testid={`commission-evaluate-${k.id}`} onClick={() => setAsking("evaluate")}>
          {t("kmEvaluate")}
        </Button>
      )}
      {can("cancel") && (
        <Button size="small" danger disabled={busy} data-testid={`commission-cancel-${k.id}`} onClick={() => setAsking("cancel")}>
          {t("kmCancel")}
        </Button>
      )}
      {k.report && (
        <Button size="small" type="link" icon={<DownloadOutlined />} href={`/api/v1/commissions/${k.id}/report`} data-testid={`commission-report-${k.id}`} title={`SM3 ${k.report.sm3}`}>
          {t("kmReport")}
        </Button>
      )}
      <Modal
        open={!!asking}
        title={asking ? t(asking === "evaluate" ? "kmEvaluateTitle" : asking === "decline" ? "kmDeclineTitle" : "kmCancelTitle") : ""}
        okText={t("submit")}
        cancelText={t("cancel")}
        okButtonProps={{ loading: busy, disabled: !reason.trim() || (asking === "evaluate" && score < 1), "data-testid": "commission-confirm" } as ButtonProps}
        onOk={confirm}
        onCancel={() => {
          setAsking(undefined);
          setDialogError(undefined);
        }}
        destroyOnHidden
      >
        <ErrorAlert error={dialogError} style={{ marginBottom: 12 }} />
        {asking === "evaluate" && (
          <div style={{ marginBottom: 12 }}>
            <Rate value={score} onChange={setScore} data-testid="commission-score" />
          </div>
        )}
        <Input.TextArea
          rows={3}
          maxLength={1000}
          placeholder={asking === "evaluate" ? t("kmCommentPlaceholder") : t("kmReasonPlaceholder")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="commission-text"
        />
      </Modal>
    </Space>
  );
}
