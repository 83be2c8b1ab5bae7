import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { type AdminMatter, type AdminRule, conditionText, type Decision, type RulePreview } from "./types.js";

type Values = { regionCode: string; condition: string; noteZh?: string; noteEn?: string; reason: string; projectCode?: string };

/** The rule language in one line, shown above the editor. */
const EXAMPLE = '{ "all": [ { "fact": "totalInvestment", "op": "gte", "value": "5000" }, { "fact": "waterIntake", "op": "isTrue" } ] }';

/**
 * A matter's rule for one region as JSON (the safe rule language: all / any / not / always / never and
 * {fact, op, value}), tried on a project before it is saved with a reason. The server checks the condition and
 * the whole rule set after the change; its problems are listed by path.
 */
export function RuleEditor(props: { matter: AdminMatter; rule: AdminRule | undefined; defaultRegion: string; onClose(): void; onSaved(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError>();
  const [jsonError, setJsonError] = useState<string>();
  const [preview, setPreview] = useState<RulePreview>();
  const [busy, setBusy] = useState(false);
  const required = [{ required: true, whitespace: true, message: t("guideRequiredField") }];

  /** The rule as the server takes it, or undefined (and the JSON problem shown) when the text is not JSON. */
  function parsed(values: Values) {
    setJsonError(undefined);
    let condition: unknown;
    try {
      condition = JSON.parse(values.condition);
    } catch (e) {
      setJsonError(`${t("catJsonInvalid")}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    const zh = values.noteZh?.trim();
    const en = values.noteEn?.trim();
    return { condition, ...(zh || en ? { note: { zh: zh ?? "", en: en ?? "" } } : {}) };
  }

  async function run<T>(call: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(undefined);
    try {
      return await call();
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) setError(apiError);
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function tryIt() {
    const values = await form.validateFields(["regionCode", "condition", "projectCode"]).catch(() => undefined);
    if (!values) return;
    const rule = parsed({ ...form.getFieldsValue(true), ...values });
    if (!rule) return;
    setPreview(undefined);
    const answer = await run(() =>
      api<RulePreview>("/catalogue/rules/preview", {
        method: "POST",
        body: { matterCode: props.matter.code, regionCode: values.regionCode.trim(), projectCode: values.projectCode?.trim(), ...rule },
      }),
    );
    if (answer) setPreview(answer);
  }

  async function save() {
    // A form that does not validate shows its messages at the fields; the rejection is not an error.
    const values = await form.validateFields(["regionCode", "condition", "noteZh", "noteEn", "reason"]).catch(() => undefined);
    if (!values) return;
    const rule = parsed(values);
    if (!rule) return;
    const answer = await run(() =>
      api(`/catalogue/rules/${encodeURIComponent(props.matter.code)}/${values.regionCode.trim()}`, { method: "PUT", body: { ...rule, reason: values.reason.trim() } }),
    );
    if (answer) {
      message.success(t("catRuleSaved"));
      props.onSaved();
    }
  }

  const decision = (d: Decision | null, testId: string) =>
    d ? (
      <div data-testid={testId}>
        <Tag color={d.required ? "red" : "default"}>{d.required ? t("catRequired") : t("catNotRequired")}</Tag>
        <ul style={{ margin: "4px 0", paddingInlineStart: 20 }}>
          {(lang === "en" ? d.reasons.en : d.reasons.zh).map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
    ) : (
      "—"
    );

  return (
    <Modal
      open
      width={820}
      title={t("catRuleOf", { name: props.matter.name })}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={props.onClose}>{t("cancel")}</Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="catalogue-rule-save">
            {t("guideSave")}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t("catConditionHint")} <Typography.Text code>{EXAMPLE}</Typography.Text>
      </Typography.Paragraph>
      {jsonError && <Alert type="error" showIcon title={jsonError} style={{ marginBottom: 16 }} data-testid="catalogue-rule-json-error" />}
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          regionCode: props.rule?.regionCode ?? props.defaultRegion,
          condition: props.rule ? conditionText(props.rule.condition) : '{ "always": true }',
          noteZh: props.rule?.note?.zh,
          noteEn: props.rule?.note?.en,
          reason: "",
        }}
      >
        <Form.Item name="regionCode" label={t("catRegion")} rules={[...required, { pattern: /^\s*\d{6}\s*$/, message: t("catRegionPattern") }]} extra={t("catRegionHint")}>
          <Input disabled={!!props.rule} maxLength={6} style={{ width: 160 }} data-testid="catalogue-rule-region" />
        </Form.Item>
        <Form.Item name="condition" label={t("catCondition")} rules={required}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} style={{ fontFamily: "monospace" }} data-testid="catalogue-rule-condition" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="noteZh" label={t("catNoteZh")} style={{ flex: 1, marginInlineEnd: 8 }}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="noteEn" label={t("catNoteEn")} style={{ flex: 1 }}>
            <Input maxLength={500} />
          </Form.Item>
        </Space.Compact>
        <Form.Item label={t("catPreview")} extra={t("catPreviewHint")}>
          <Space.Compact>
            <Form.Item name="projectCode" noStyle rules={[{ required: true, whitespace: true, message: t("catPreviewNeedsCode") }]}>
              <Input placeholder={t("codeField")} style={{ width: 300 }} data-testid="catalogue-rule-preview-code" />
            </Form.Item>
            <Button loading={busy} onClick={() => void tryIt()} data-testid="catalogue-rule-preview">
              {t("catTry")}
            </Button>
          </Space.Compact>
        </Form.Item>
        {preview && (
          <Descriptions
            size="small"
            bordered
            column={1}
            style={{ marginBottom: 16 }}
            data-testid="catalogue-rule-preview-result"
            items={[
              ...(preview.project ? [{ key: "p", label: t("projectName"), children: `${preview.project.name}（${preview.project.code}）${preview.project.told ? ` · ${t("catTold")}` : ""}` }] : []),
              { key: "current", label: t("catUnderCurrent"), children: decision(preview.current, "catalogue-preview-current") },
              { key: "proposed", label: t("catUnderEdited"), children: decision(preview.proposed, "catalogue-preview-proposed") },
            ]}
          />
        )}
        <Form.Item name="reason" label={t("catReason")} rules={required} extra={t("catReasonHint")}>
          <Input.TextArea autoSize maxLength={500} data-testid="catalogue-rule-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
