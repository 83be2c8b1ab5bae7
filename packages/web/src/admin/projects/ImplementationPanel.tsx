import { UploadOutlined } from "@ant-design/icons";
import { App, Button, Form, Image, Input, InputNumber, List, Radio, Space, Tag, Typography, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { type ApiError, api, buildUrl, uploadRaw } from "../../api/client.js";
import { applyFieldErrors } from "../../api/form-errors.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { isDictKey, useI18n } from "../../i18n/index.js";
import { ImplementationObligations } from "./ImplementationObligations.js";
import type { ImplementationReport, Obligations, ReportKind } from "./implementation-types.js";

interface ReportValues {
  kind: ReportKind;
  on: string;
  investmentCompleted?: string;
  progressPercent?: number;
  note?: string;
}

const FIELDS = ["kind", "on", "investmentCompleted", "progressPercent", "note"];

/**
 * 实施情况 (Art. 14(5); spec §7) in the project drawer: what is due (应报事项: progress reports, the 核准 validity and
 * 延期开工, the filed project's 2-year explanation), the unit's report form (开工、进度、竣工、延期开工、停工、复工) and
 * every report made, newest first. A report that moves the project's status reloads the drawer.
 */
export function ImplementationPanel({ code, onChanged }: { code: string; onChanged?: () => void }) {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const base = `/projects/${encodeURIComponent(code)}`;
  const obligations = useApi<Obligations>(`${base}/obligations`);
  const reports = useApi<{ code: string; items: ImplementationReport[] }>(`${base}/reports`);
  const [form] = Form.useForm<ReportValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<{ error: ApiError; unmatched: ApiError["fields"] }>();
  // Photos go up one by one as chosen; the report names the keys the server gave.
  const [photos, setPhotos] = useState<(UploadFile & { key?: string })[]>([]);
  const kind = Form.useWatch("kind", form);
  const o = obligations.data?.code === code ? obligations.data : undefined;
  const label = (key: string, fallback: string) => (isDictKey(key) ? t(key) : fallback);
  const kindLabel = (k: string) => label(`implKind_${k}`, k);
  const statusLabel = (s: string) => label(`status_${s}`, s);
  const reload = () => {
    obligations.reload();
    reports.reload();
    onChanged?.();
  };

  async function submit() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSubmitting(true);
    setError(undefined);
    try {
      const body = {
        kind: values.kind,
        on: values.on,
        ...(values.investmentCompleted ? { investmentCompleted: values.investmentCompleted } : {}),
        ...(values.progressPercent !== undefined && values.progressPercent !== null ? { progressPercent: values.progressPercent } : {}),
        ...(values.note ? { note: values.note } : {}),
        ...(photos.some((f) => f.key) ? { images: photos.flatMap((f) => (f.key ? [f.key] : [])) } : {}),
      };
      await api(`${base}/reports`, { method: "POST", body });
      message.success(t("implSubmitted", { kind: kindLabel(values.kind) }));
      form.resetFields();
      setPhotos([]);
      reload();
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) setError({ error: apiError, unmatched: applyFieldErrors(form, apiError, lang, FIELDS) });
    } finally {
      setSubmitting(false);
    }
  }

  const allowed = o && can("projects:declare") ? o.allowedReports : [];
  const figures = kind === "progress" || kind === "completion";
  return (
    <div data-testid="implementation-panel" data-status={o?.status}>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("implTitle")}
      </Typography.Title>
      <ErrorAlert error={obligations.error ?? reports.error} />
      {o && <ImplementationObligations obligations={o} onChanged={reload} />}
      {allowed.length > 0 && o && (
        <div data-testid="report-form-block" style={{ marginTop: 16 }}>
          <ErrorAlert error={error?.error} fields={error?.unmatched} style={{ marginBottom: 8 }} />
          <Form form={form} name="report" layout="vertical" initialValues={{ kind: allowed[0], on: o.today }} data-testid="report-form">
            <Form.Item name="kind" label={t("implKind")} rules={[{ required: true }]}>
              <Radio.Group optionType="button" buttonStyle="solid">
                {allowed.map((k) => (
                  <Radio.Button key={k} value={k} data-testid={`report-kind-${k}`}>
                    {kindLabel(k)}
                  </Radio.Button>
                ))}
              </Radio.Group>
            </Form.Item>
            <Form.Item name="on" label={t("implOn")} extra={t("implOnHint")} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: "YYYY-MM-DD" }]}>
              <Input placeholder="YYYY-MM-DD" style={{ maxWidth: 200 }} />
            </Form.Item>
            {figures && (
              <Space wrap align="start">
                <Form.Item name="investmentCompleted" label={t("implInvestment")} rules={[{ required: kind === "progress", pattern: /^\d{1,14}(\.\d{1,2})?$/, message: t("implInvestment") }]}>
                  <Input placeholder="0.00" style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name="progressPercent" label={t("implPercent")} rules={[{ required: kind === "progress", message: t("implPercent") }]}>
                  <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} />
                </Form.Item>
              </Space>
            )}
            {figures && (
              <Form.Item label={t("implPhotos")}>
                <Upload
                  accept="image/jpeg,image/png"
                  listType="picture"
                  maxCount={10}
                  fileList={photos}
                  onRemove={(file) => setPhotos((list) => list.filter((f) => f.uid !== file.uid))}
                  customRequest={({ file, onSuccess, onError }) => {
                    const f = file as File & { uid: string };
                    setPhotos((list) => [...list, { uid: f.uid, name: f.name, status: "uploading" }]);
                    uploadRaw<{ key: string }>(`${base}/report-images`, f)
                      .then((stored) => {
                        setPhotos((list) => list.map((p) => (p.uid === f.uid ? { ...p, status: "done", key: stored.key } : p)));
                        onSuccess?.(stored);
                      })
                      .catch((cause: unknown) => {
                        // The file's own problem (not a photo, too large) when the server names it, else the general message.
                        const apiError = asApiError(cause);
                        const said = apiError?.fields.find((x) => x.path === "file") ?? (apiError && { message: apiError.messageZh, messageEn: apiError.messageEn });
                        setPhotos((list) => list.map((p) => (p.uid === f.uid ? { ...p, status: "error", response: said ? (lang === "en" ? said.messageEn : said.message) : "" } : p)));
                        onError?.(cause as Error);
                      });
                  }}
                >
                  <Button icon={<UploadOutlined />} data-testid="report-photo-add">
                    {t("implPhotoAdd")}
                  </Button>
                </Upload>
              </Form.Item>
            )}
            <Form.Item name="note" label={t("implNote")} rules={[{ required: kind === "delay" || kind === "suspension", whitespace: true, max: 2000, message: t("implNote") }]}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button type="primary" loading={submitting} onClick={() => void submit()} data-testid="report-submit">
              {t("implSubmit")}
            </Button>
          </Form>
        </div>
      )}
      <Typography.Title level={5} style={{ marginTop: 16, fontSize: 14 }}>
        {t("implReports")}
      </Typography.Title>
      <List
        size="small"
        data-testid="report-list"
        locale={{ emptyText: t("implReportsEmpty") }}
        dataSource={reports.data?.code === code ? reports.data.items : []}
        renderItem={(r) => (
          <List.Item key={r.id} data-testid="report-item" data-kind={r.kind}>
            <Space wrap>
              <Tag color="geekblue">{kindLabel(r.kind)}</Tag>
              <Typography.Text>{r.on}</Typography.Text>
              {r.investmentCompleted !== undefined && <Typography.Text>{`${t("implInvestment")}: ${r.investmentCompleted}`}</Typography.Text>}
              {r.progressPercent !== undefined && <Typography.Text>{`${t("implPercent")}: ${r.progressPercent}`}</Typography.Text>}
              {r.statusBefore !== r.statusAfter && <Typography.Text type="secondary">{`${statusLabel(r.statusBefore)} → ${statusLabel(r.statusAfter)}`}</Typography.Text>}
              {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
              {r.images?.map((key) => (
                <Image key={key} width={48} height={48} style={{ objectFit: "cover" }} src={buildUrl(`${base}/report-images/${key}`)} data-testid="report-photo" />
              ))}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
