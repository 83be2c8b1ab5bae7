import { DeleteOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Divider, Form, Input, Select, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { api, uploadRaw } from "../../api/client.js";
import { EditorDrawer } from "../../components/EditorDrawer.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { useFormRequest } from "../../lib/use-form-request.js";
import { CATEGORY_LABELS, fileSize } from "../../portal/policies/types.js";
import type { Policy, PolicyAttachment, PolicyBody, PolicyCategory } from "./types.js";

const FIELDS = ["title", "issuer", "documentNumber", "issuedOn", "category", "body"];
const ACCEPT = ".pdf,.ofd,.doc,.docx,.xls,.xlsx";

/** A policy document's text and attachments: editable while a draft, else read only. */
export function PolicyEditor(props: { policy: Policy | undefined; onClose(): void; onSaved(policy: Policy): void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyBody>();
  const { run, busy, error, unmatched } = useFormRequest(form, FIELDS);
  const [attachments, setAttachments] = useState<PolicyAttachment[]>(props.policy?.attachments ?? []);
  const p = props.policy;
  const editable = !p || p.actions.includes("edit");
  const required = [{ required: true, whitespace: true, message: t("cmRequired") }];
  const categories = (Object.keys(CATEGORY_LABELS) as PolicyCategory[]).map((value) => ({ value, label: pick(CATEGORY_LABELS[value]) }));

  async function save() {
    const values = await form.validateFields();
    await run(async () => {
      const body = { ...values, documentNumber: values.documentNumber?.trim() || null };
      const saved = p ? await api<Policy>(`/policies/${p.id}`, { method: "PUT", body }) : await api<Policy>("/policies", { method: "POST", body });
      message.success(t("cmSaved"));
      props.onSaved(saved);
    });
  }

  const upload = (file: File) =>
    run(async () => {
      if (!p) return;
      const added = await uploadRaw<PolicyAttachment>(`/policies/${p.id}/attachments`, file, { headers: { "x-file-name": encodeURIComponent(file.name) } });
      setAttachments((list) => [...list.filter((a) => a.key !== added.key), added]);
      message.success(t("cmUploaded"));
    });

  const remove = (a: PolicyAttachment) =>
    run(async () => {
      if (!p) return;
      const after = await api<Policy>(`/policies/${p.id}/attachments/${a.key}`, { method: "DELETE" });
      setAttachments(after.attachments);
    });

  return (
    <EditorDrawer
      testId="policy-editor"
      title={p ? p.title : t("cmNewPolicy")}
      size={760}
      editable={editable}
      busy={busy}
      saveText={t("cmSave")}
      saveTestId="policy-save"
      onSave={save}
      onClose={props.onClose}
    >
      {!editable && <Alert type="info" showIcon title={t("cmReadOnly")} style={{ marginBottom: 16 }} />}
      {p?.withdrawnReason && <Alert type="warning" showIcon title={`${t("cmWithdrawReason")}：${p.withdrawnReason}`} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={error} fields={unmatched} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={p ? { title: p.title, issuer: p.issuer, documentNumber: p.documentNumber ?? "", issuedOn: p.issuedOn, category: p.category, body: p.body } : { category: "notice" }}
      >
        <Form.Item name="title" label={t("polColTitle")} rules={required}>
          <Input maxLength={200} data-testid="policy-title-input" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="issuer" label={t("polColIssuer")} rules={required}>
            <Input maxLength={100} style={{ width: 320 }} data-testid="policy-issuer-input" />
          </Form.Item>
          <Form.Item name="documentNumber" label={t("polDocNumber")}>
            <Input maxLength={100} style={{ width: 320 }} data-testid="policy-number-input" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="issuedOn" label={t("polColDate")} rules={required}>
            <Input type="date" style={{ width: 200 }} data-testid="policy-date-input" />
          </Form.Item>
          <Form.Item name="category" label={t("polCategory")} rules={[{ required: true, message: t("cmRequired") }]}>
            <Select options={categories} style={{ width: 200 }} data-testid="policy-category-input" />
          </Form.Item>
        </Space>
        <Form.Item name="body" label={t("cmBody")} rules={required}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={50000} data-testid="policy-body-input" />
        </Form.Item>
      </Form>
      <Divider titlePlacement="start">{t("polAttachments")}</Divider>
      {!p && <Typography.Text type="secondary">{t("cmSaveFirst")}</Typography.Text>}
      {p && (
        <>
          <Table<PolicyAttachment>
            rowKey="key"
            size="small"
            pagination={false}
            showHeader={false}
            dataSource={attachments}
            locale={{ emptyText: t("polNoAttachments") }}
            data-testid="policy-editor-attachments"
            columns={[
              {
                key: "name",
                render: (_, a) => (
                  <a href={`/api/v1/policies/${p.id}/attachments/${a.key}`} download={a.fileName}>
                    {a.fileName}
                  </a>
                ),
              },
              { key: "size", width: 100, render: (_, a) => fileSize(a.size) },
              {
                key: "remove",
                width: 90,
                render: (_, a) =>
                  editable && (
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} disabled={busy} onClick={() => void remove(a)}>
                      {t("cmRemove")}
                    </Button>
                  ),
              },
            ]}
          />
          {editable && (
            <Space orientation="vertical" style={{ marginTop: 12 }}>
              <Upload
                accept={ACCEPT}
                showUploadList={false}
                disabled={busy}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={busy} data-testid="policy-upload">
                  {t("cmUpload")}
                </Button>
              </Upload>
              <Typography.Text type="secondary">{t("cmUploadHint")}</Typography.Text>
            </Space>
          )}
        </>
      )}
    </EditorDrawer>
  );
}
