import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Checkbox, Divider, Form, Input, Space } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError } from "../../api/hooks.js";
import { EditorDrawer } from "../../components/EditorDrawer.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { cleanGuide, type GuideContent, type GuideMaterial, type GuideVersion, nextMaterialCode } from "./types.js";

type Values = { content: GuideContent; materials: GuideMaterial[] };

/** The eight elements of Art. 8 and the material list of one version: editable while a draft, else read only. */
export function GuideEditor(props: { guide: GuideVersion; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const editable = props.guide.status === "draft";
  const required = [{ required: true, whitespace: true, message: t("guideRequiredField") }];

  async function save() {
    await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      // getFieldsValue(true) keeps what the form does not show (a material's formats, a legal basis's note).
      await api(`/guides/${props.guide.id}`, { method: "PUT", body: cleanGuide(form.getFieldsValue(true) as Values) });
      message.success(t("guideSaved"));
      props.onSaved();
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  const textList = (name: "acceptanceConditions" | "procedure", label: string) => (
    <Form.Item label={label} required>
      <Form.List name={["content", name]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" style={{ display: "flex" }}>
                <Form.Item name={f.name} rules={required} style={{ width: 560, marginBottom: 8 }}>
                  <Input.TextArea autoSize />
                </Form.Item>
                {editable && fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
              </Space>
            ))}
            {editable && (
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add("")}>
                {t("guideAdd")}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Form.Item>
  );

  return (
    <EditorDrawer
      testId="guide-editor"
      title={`${props.guide.matterCode} v${props.guide.version}`}
      size={760}
      editable={editable}
      busy={busy}
      saveText={t("guideSave")}
      saveTestId="guide-save"
      onSave={save}
      onClose={props.onClose}
    >
      {!editable && <Alert type="info" showIcon title={t("guideReadOnly")} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" disabled={!editable} initialValues={{ content: props.guide.content, materials: props.guide.materials }}>
        <Form.Item label={t("guideLegalBasis")} required>
          <Form.List name={["content", "legalBasis"]}>
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: "flex" }}>
                    <Form.Item name={[f.name, "title"]} rules={required} style={{ width: 380, marginBottom: 8 }}>
                      <Input placeholder={t("guideLegalTitle")} />
                    </Form.Item>
                    <Form.Item name={[f.name, "article"]} style={{ width: 160, marginBottom: 8 }}>
                      <Input placeholder={t("guideLegalArticle")} />
                    </Form.Item>
                    {editable && fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                {editable && (
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ title: "" })}>
                    {t("guideAdd")}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name={["content", "content"]} label={t("guideContent")} rules={required}>
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="guide-content" />
        </Form.Item>
        {textList("acceptanceConditions", t("guideConditions"))}
        {textList("procedure", t("guideProcedure"))}
        <Space wrap>
          <Form.Item name={["content", "timeLimit", "statutory"]} label={t("guideTimeStatutory")} rules={required}>
            <Input style={{ width: 330 }} />
          </Form.Item>
          <Form.Item name={["content", "timeLimit", "promised"]} label={t("guideTimePromised")} rules={required}>
            <Input style={{ width: 330 }} />
          </Form.Item>
        </Space>
        <Space wrap align="end">
          <Form.Item name={["content", "fees", "free"]} valuePropName="checked">
            <Checkbox>{t("guideFeesFree")}</Checkbox>
          </Form.Item>
          <Form.Item name={["content", "fees", "text"]} label={t("guideFeesText")} rules={required}>
            <Input style={{ width: 520 }} />
          </Form.Item>
        </Space>
        <Form.Item name={["content", "supervision"]} label={t("guideSupervision")} rules={required}>
          <Input.TextArea autoSize />
        </Form.Item>
        <Space wrap>
          {(["office", "phone", "address", "hours"] as const).map((k) => (
            <Form.Item key={k} name={["content", "contacts", k]} label={t(`guideContact${k[0]!.toUpperCase()}${k.slice(1)}` as "guideContactOffice")} rules={required}>
              <Input style={{ width: 330 }} />
            </Form.Item>
          ))}
        </Space>
        <Divider titlePlacement="start">{t("guideMaterials")}</Divider>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: "flex" }}>
                  <Form.Item name={[f.name, "name"]} rules={required} style={{ width: 400, marginBottom: 8 }}>
                    <Input placeholder={t("guideMaterialName")} />
                  </Form.Item>
                  <Form.Item name={[f.name, "required"]} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>{t("guideMaterialRequired")}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[f.name, "heldByPlatform"]} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>{t("guideMaterialHeld")}</Checkbox>
                  </Form.Item>
                  {editable && fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              {editable && (
                <Button type="dashed" size="small" icon={<PlusOutlined />}
                  onClick={() => add({ code: nextMaterialCode(form.getFieldValue("materials") ?? []), name: "", required: true, heldByPlatform: false })}>
                  {t("guideAdd")}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </EditorDrawer>
  );
}
