import { PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, type ButtonProps, Input, Modal, Space, Tag, Timeline, Typography, Upload } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import type { RectificationOrder } from "./types.js";

/** Evidence of a rectification: documents, photos or a ZIP of them, at most 20 MB (the server checks the bytes). */
const ATTACHMENT_ACCEPT = ".pdf,.ofd,.jpg,.jpeg,.png,.docx,.zip";
const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** 逾期 N 天 / 期限 date: the deadline as the lists show it. */
export function DeadlineTag({ order: o }: { order: RectificationOrder }) {
  const { t } = useI18n();
  if (o.overdue) return <Tag color="red" data-testid={`order-overdue-${o.id}`}>{t("svOverdueDays", { n: o.daysOverdue, date: o.deadline })}</Tag>;
  return <span>{o.deadline}</span>;
}

export function OrderStatusTag({ order: o }: { order: RectificationOrder }) {
  const { t } = useI18n();
  const color = o.status === "closed" ? "green" : o.status === "submitted" ? "gold" : "blue";
  return (
    <Tag color={color} data-testid={`order-status-${o.id}`} data-status={o.status}>
      {t(`svOrderStatus_${o.status}`)}
    </Tag>
  );
}

/** The follow-up of an order: issued, reports with their attachments, returns with their reasons, acceptance. */
export function OrderSteps({ order: o }: { order: RectificationOrder }) {
  const { t } = useI18n();
  return (
    <Timeline
      data-testid={`order-steps-${o.id}`}
      items={o.steps.map((s) => ({
        key: s.seq,
        color: s.type === "return" ? "red" : s.type === "accept" ? "green" : "blue",
        content: (
          <div>
            <Typography.Text strong>{t(`svStep_${s.type}`)}</Typography.Text>
            <Typography.Text type="secondary">{` · ${s.actor} · ${formatInstant(s.at)}`}</Typography.Text>
            {s.body && <div style={{ whiteSpace: "pre-wrap" }}>{s.body}</div>}
            {s.attachment && (
              <Typography.Link href={`/api/v1/rectification-orders/${o.id}/steps/${s.seq}/attachment`} title={`SM3 ${s.attachment.sm3}`}>
                <PaperClipOutlined /> {s.attachment.fileName}
              </Typography.Link>
            )}
          </div>
        ),
      }))}
    />
  );
}

interface Props {
  order: RectificationOrder;
  onChanged(next: RectificationOrder): void;
}

/** Exactly the steps the server says the caller may take now: the unit reports; the department accepts or returns. */
export function RectificationActions({ order: o, onChanged }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<"report" | "accept" | "return">();
  const [text, setText] = useState("");
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const can = (a: RectificationOrder["allowedActions"][number]) => o.allowedActions.includes(a);

  const close = () => {
    setAsking(undefined);
    setText("");
    setFile(undefined);
    setError(undefined);
  };

  async function confirm() {
    if (!asking) return;
    setBusy(true);
    setError(undefined);
    try {
      let body: unknown;
      if (asking === "report") body = { report: text.trim(), ...(file ? { attachment: { fileName: file.name, contentBase64: await base64Of(file) } } : {}) };
      else if (asking === "return") body = { reason: text.trim() };
      else body = text.trim() ? { comment: text.trim() } : {};
      const next = await api<RectificationOrder>(`/rectification-orders/${o.id}/${asking}`, { method: "POST", body });
      message.success(t(asking === "report" ? "svReportedMsg" : asking === "return" ? "svReturnedMsg" : "svAcceptedMsg"));
      close();
      onChanged(next);
    } catch (cause) {
      setError(asApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  const needsText = asking === "report" || asking === "return";
  return (
    <Space wrap size="small">
      {can("report") && (
        <Button size="small" type="primary" data-testid={`order-report-${o.id}`} onClick={() => setAsking("report")}>
          {t("svReport")}
        </Button>
      )}
      {can("accept") && (
        <Button size="small" type="primary" data-testid={`order-accept-${o.id}`} onClick={() => setAsking("accept")}>
          {t("svAccept")}
        </Button>
      )}
      {can("return") && (
        <Button size="small" danger data-testid={`order-return-${o.id}`} onClick={() => setAsking("return")}>
          {t("svReturn")}
        </Button>
      )}
      <Modal
        open={!!asking}
        title={asking ? t(asking === "report" ? "svReportTitle" : asking === "return" ? "svReturnTitle" : "svAcceptTitle") : ""}
        okText={t("submit")}
        cancelText={t("cancel")}
        okButtonProps={{ loading: busy, disabled: needsText && !text.trim(), "data-testid": "order-confirm" } as ButtonProps}
        onOk={() => void confirm()}
        onCancel={close}
        destroyOnHidden
      >
        <ErrorAlert error={error} style={{ marginBottom: 12 }} />
        <Typography.Paragraph type="secondary">{o.requirements}</Typography.Paragraph>
        <Input.TextArea
          rows={4}
          maxLength={asking === "report" ? 4000 : 1000}
          placeholder={t(asking === "report" ? "svReportPlaceholder" : asking === "return" ? "svReturnPlaceholder" : "svAcceptPlaceholder")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="order-text"
        />
        {asking === "report" && (
          <div style={{ marginTop: 12 }}>
            <Upload
              accept={ATTACHMENT_ACCEPT}
              maxCount={1}
              fileList={file ? [{ uid: "1", name: file.name, status: "done" }] : []}
              onRemove={() => setFile(undefined)}
              beforeUpload={(f) => {
                if (f.size > ATTACHMENT_MAX_BYTES) message.error(t("svAttachmentTooLarge"));
                else setFile(f);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="order-attachment">
                {t("svAttachment")}
              </Button>
            </Upload>
          </div>
        )}
      </Modal>
    </Space>
  );
}
