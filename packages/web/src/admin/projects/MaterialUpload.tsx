import { DownloadOutlined, HistoryOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Popover, Progress, Space, Spin, Table, Tag, Tooltip, Typography, Upload } from "antd";
import { useState } from "react";
import { ApiError, buildUrl, uploadRaw } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { translate, useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";

export interface MaterialFile {
  id: number;
  fileName: string;
  mediaType: string;
  size: number;
  sm3: string;
  uploadedAt: string;
  uploadedBy: string;
  status: "current" | "replaced" | "withdrawn";
}

export interface MaterialItem {
  code: string;
  name: string;
  required: boolean;
  heldByPlatform: boolean;
  note: string | null;
  formats: string[];
  maxSizeMb: number | null;
  maxBytes: number;
  current: MaterialFile | null;
  earlier: MaterialFile[];
}

export interface CaseMaterialsView {
  caseId: string;
  status: string;
  canUpload: boolean;
  items: MaterialItem[];
}

export function humanSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} B`;
}

/** The file's name (a download link), size and SM3 digest, shortened with the whole digest on hover. */
function FileLine({ file }: { file: MaterialFile }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={0} data-testid="material-file">
      <Typography.Link href={buildUrl(`/material-files/${file.id}`)} data-testid="material-download">
        <DownloadOutlined /> {file.fileName}
      </Typography.Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {humanSize(file.size)} · {formatInstant(file.uploadedAt)} · {file.uploadedBy}
      </Typography.Text>
      <Tooltip title={file.sm3}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: file.sm3 }} data-testid="material-sm3" data-sm3={file.sm3}>
          {t("matSm3")}: {file.sm3.slice(0, 12)}…
        </Typography.Text>
      </Tooltip>
    </Space>
  );
}

/**
 * 申请材料 of one matter case: each material of the guide version the case was told, its current file and the
 * earlier ones (kept for the record), and, for the owning unit while the case accepts them, an upload per material.
 */
export function CaseMaterials({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const loaded = useApi<CaseMaterialsView>(`/cases/${encodeURIComponent(caseId)}/materials`);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<Record<string, ApiError | undefined>>({});
  const setError = (code: string, error: ApiError | undefined) => setErrors((e) => ({ ...e, [code]: error }));

  async function send(item: MaterialItem, file: File) {
    setError(item.code, undefined);
    // The server refuses it anyway; saying so before the bytes go up spares a long wait.
    if (file.size > item.maxBytes) {
      const vars = { name: file.name, size: humanSize(file.size), max: humanSize(item.maxBytes) };
      setError(
        item.code,
        new ApiError(413, { code: "MATERIAL_TOO_LARGE", message: translate("zh", "matTooLargeLocal", vars), messageEn: translate("en", "matTooLargeLocal", vars), requestId: "" }),
      );
      return;
    }
    setProgress((p) => ({ ...p, [item.code]: 0 }));
    try {
      await uploadRaw(`/cases/${encodeURIComponent(caseId)}/materials/${item.code}`, file, {
        headers: { "x-file-name": encodeURIComponent(file.name) },
        onProgress: (percent) => setProgress((p) => ({ ...p, [item.code]: percent })),
      });
      loaded.reload();
    } catch (cause) {
      setError(item.code, asApiError(cause));
    } finally {
      setProgress((p) => {
        const { [item.code]: _, ...rest } = p;
        return rest;
      });
    }
  }

  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!loaded.data) return <Spin />;
  const view = loaded.data;

  return (
    <Table<MaterialItem>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={view.items}
      data-testid={`case-materials-${caseId}`}
      onRow={(item) => ({ "data-testid": `material-${item.code}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: "name",
          title: t("matMaterial"),
          render: (_, item) => (
            <Space orientation="vertical" size={2}>
              <Typography.Text>
                {item.code} {item.name}
              </Typography.Text>
              <Space size={4} wrap>
                {item.heldByPlatform ? <Tag color="green">{t("matHeld")}</Tag> : <Tag color={item.required ? "red" : "default"}>{t(item.required ? "matRequired" : "matOptional")}</Tag>}
                {!item.heldByPlatform && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item.formats.join(" / ")} · {t("matMaxSize", { size: humanSize(item.maxBytes) })}
                  </Typography.Text>
                )}
              </Space>
              {item.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.note}</Typography.Text>}
            </Space>
          ),
        },
        {
          key: "file",
          title: t("matCurrentFile"),
          render: (_, item) => (
            <Space orientation="vertical" size={4} style={{ maxWidth: 320 }}>
              {item.current ? <FileLine file={item.current} /> : !item.heldByPlatform && <Typography.Text type="secondary">{t("matNotUploaded")}</Typography.Text>}
              {item.earlier.length > 0 && (
                <Popover
                  title={t("matEarlierTitle")}
                  content={
                    <Space orientation="vertical">
                      {item.earlier.map((f) => (
                        <FileLine key={f.id} file={f} />
                      ))}
                    </Space>
                  }
                >
                  <Typography.Link data-testid="material-earlier">
                    <HistoryOutlined /> {t("matEarlier", { n: item.earlier.length })}
                  </Typography.Link>
                </Popover>
              )}
              <ErrorAlert error={errors[item.code]} />
            </Space>
          ),
        },
        ...(view.canUpload
          ? [
              {
                key: "upload",
                title: t("matActions"),
                width: 150,
                render: (_: unknown, item: MaterialItem) =>
                  item.heldByPlatform ? null : progress[item.code] !== undefined ? (
                    <Progress percent={progress[item.code]} size="small" data-testid="material-progress" />
                  ) : (
                    <Upload
                      showUploadList={false}
                      accept={item.formats.map((f) => (f === "jpg" ? ".jpg,.jpeg" : `.${f}`)).join(",")}
                      customRequest={({ file }) => void send(item, file as File)}
                    >
                      <Button size="small" icon={<UploadOutlined />} data-testid={`material-upload-${item.code}`}>
                        {t(item.current ? "matReplace" : "matUpload")}
                      </Button>
                    </Upload>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
