import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Progress, Space, Tooltip, Typography, Upload } from "antd";
import { useState } from "react";
import { type ApiError, buildUrl, uploadRaw } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { humanSize } from "../projects/MaterialUpload.js";
import { shortDigest } from "./case-display.js";
import type { CaseDocument, CaseView } from "./types.js";

/** The statuses in which the server takes the decision document (case-document.service.ts). */
const UPLOAD_STATES = ["accepted", "paused", "completed"];

/** 批文's name (a download link), size and short SM3 (the whole on hover). */
export function DocumentLine({ caseId, doc }: { caseId: string; doc: CaseDocument }) {
  const { t } = useI18n();
  return (
    <Space wrap size={8} data-testid="case-document">
      <Typography.Link href={buildUrl(`/cases/${encodeURIComponent(caseId)}/document`)} data-testid="case-document-download">
        <DownloadOutlined /> {doc.fileName}
      </Typography.Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {humanSize(doc.size)}
      </Typography.Text>
      <Tooltip title={doc.sm3}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: doc.sm3 }} data-testid="case-document-sm3" data-sm3={doc.sm3}>
          {t("matSm3")}: {shortDigest(doc.sm3)}
        </Typography.Text>
      </Tooltip>
    </Space>
  );
}

/**
 * 批文 in the case drawer: the handling department uploads the decision document (PDF or OFD, replacing an
 * earlier one) while handling the case or after completing it; everyone who sees the case may download it.
 */
export function DocumentPanel({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const { t } = useI18n();
  const { user, can } = useSession();
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<ApiError>();
  const ours = can("cases:handle") && String(user?.organisation.id) === String(view.departmentId);
  const mayUpload = ours && UPLOAD_STATES.includes(view.status);
  if (!view.document && !mayUpload) return null;

  async function send(file: File) {
    setError(undefined);
    setPercent(0);
    try {
      await uploadRaw(`/cases/${encodeURIComponent(view.caseId)}/document`, file, {
        method: "PUT",
        headers: { "x-file-name": encodeURIComponent(file.name) },
        onProgress: setPercent,
      });
      message.success(t("docUploaded", { name: file.name }));
      onChanged();
    } catch (cause) {
      setError(asApiError(cause));
    } finally {
      setPercent(null);
    }
  }

  return (
    <div data-testid="case-document-panel" style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{t("docTitle")}</Typography.Title>
      <Space orientation="vertical" style={{ width: "100%" }}>
        {view.document ? <DocumentLine caseId={view.caseId} doc={view.document} /> : <Typography.Text type="secondary">{t("docNone")}</Typography.Text>}
        {mayUpload &&
          (percent !== null ? (
            <Progress percent={percent} size="small" style={{ maxWidth: 240 }} />
          ) : (
            <Space wrap>
              <Upload showUploadList={false} accept=".pdf,.ofd" customRequest={({ file }) => void send(file as File)}>
                <Button icon={<UploadOutlined />} data-testid="case-document-upload">
                  {t(view.document ? "docReplace" : "docUpload")}
                </Button>
              </Upload>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("docFormats")}
              </Typography.Text>
            </Space>
          ))}
        <ErrorAlert error={error} />
      </Space>
    </div>
  );
}

/**
 * The download of a completed case's 批文 where only its summary is at hand (the project's matters): the summary
 * does not say whether a document was attached, so the case itself is read.
 */
export function CaseDocumentLink({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const loaded = useApi<CaseView>(`/cases/${encodeURIComponent(caseId)}`);
  const doc = loaded.data?.caseId === caseId ? loaded.data.document : undefined;
  if (!doc) return null;
  return (
    <Tooltip title={`${doc.fileName} · ${humanSize(doc.size)} · SM3 ${shortDigest(doc.sm3)}`}>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        href={buildUrl(`/cases/${encodeURIComponent(caseId)}/document`)}
        onClick={(e) => e.stopPropagation()}
        data-testid="matter-document-download"
        data-file-name={doc.fileName}
      >
        {t("docDownload")}
      </Button>
    </Tooltip>
  );
}
