import { App, Form, Input, InputNumber, Modal, Select } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { applyFieldErrors } from "../../api/form-errors.js";
import { asApiError } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { KIND_LABELS, PAUSE_LABELS, STAGE_LABELS } from "../../portal/guides/types.js";
import type { AdminMatter, Department, MatterMaster } from "./types.js";

type Values = MatterMaster & { reason: string };
const FIELDS = [
  "name", "departmentId", "kind", "stage", "statutoryWorkingDays", "statutoryCalendarDays", "statutorySource", "extendableWorkingDays",
  "extensionSource", "promisedWorkingDays", "promisedSource", "pauseReasonClasses", "signOffMode", "reason",
];

/** 事项主数据: the master data of one matter; saving makes a new version, so a reason is required. */
export function MatterForm(props: { matter: AdminMatter; departments: Department[]; onClose(): void; onSaved(): void }) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError>();
  const [unmatched, setUnmatched] = useState<ApiError["fields"]>();
  const [busy, setBusy] = useState(false);
  const required = [{ required: true, whitespace: true, message: t("guideRequiredField") }];
  const options = (labels: Record<string, { zh: string; en: string }>) => Object.entries(labels).map(([value, label]) => ({ value, label: pick(label) }));
  const blankToNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

  async function save() {
    // A form that does not validate shows its messages at the fields; the rejection is not an error.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        ...values,
        statutoryWorkingDays: values.statutoryWorkingDays ?? null,
        statutoryCalendarDays: values.statutoryCalendarDays ?? null,
        extendableWorkingDays: values.extendableWorkingDays ?? null,
        extensionSource: blankToNull(values.extensionSource),
        pauseReasonClasses: values.pauseReasonClasses ?? [],
      };
      const answer = await api<{ version: number }>(`/catalogue/matters/${encodeURIComponent(props.matter.code)}`, { method: "PUT", body });
      message.success(t("catMatterSaved", { version: answer.version }));
      props.onSaved();
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) {
        setError(apiError);
        setUnmatched(applyFieldErrors(form, apiError, lang, FIELDS));
      }
    } finally {
      setBusy(false);
    }
  }

  const { code, version, department, guideVersion, activeRules, updatedAt, editable, ...master } = props.matter;
  return (
    <Modal
      open
      width={760}
      title={t("catEditMatter", { code, version })}
      okText={t("guideSave")}
      cancelText={t("cancel")}
      onOk={() => void save()}
      onCancel={props.onClose}
      okButtonProps={{ loading: busy, "data-testid": "catalogue-matter-save" }}
      destroyOnHidden
    >
      <ErrorAlert error={error} fields={unmatched} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ ...master, reason: "" }} data-testid="catalogue-matter-form">
        <Form.Item name="name" label={t("guideMatterName")} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="departmentId" label={t("catDepartment")} rules={[{ required: true, message: t("guideRequiredField") }]}>
          <Select options={props.departments.map((d) => ({ value: d.id, label: `${d.name}（${d.regionCode}）` }))} />
        </Form.Item>
        <Form.Item name="kind" label={t("catKind")} rules={[{ required: true }]}>
          <Select options={options(KIND_LABELS)} />
        </Form.Item>
        <Form.Item name="stage" label={t("catStage")} rules={[{ required: true }]}>
          <Select options={options(STAGE_LABELS)} />
        </Form.Item>
        <Form.Item name="statutoryWorkingDays" label={t("catStatutoryWorkingDays")} extra={t("catStatutoryHint")}>
          <InputNumber min={1} max={3650} precision={0} />
        </Form.Item>
        <Form.Item name="statutoryCalendarDays" label={t("catStatutoryCalendarDays")}>
          <InputNumber min={1} max={3650} precision={0} />
        </Form.Item>
        <Form.Item name="statutorySource" label={t("catStatutorySource")} rules={required}>
          <Input.TextArea autoSize maxLength={500} />
        </Form.Item>
        <Form.Item name="extendableWorkingDays" label={t("catExtendable")}>
          <InputNumber min={1} max={3650} precision={0} />
        </Form.Item>
        <Form.Item name="extensionSource" label={t("catExtensionSource")}>
          <Input.TextArea autoSize maxLength={500} />
        </Form.Item>
        <Form.Item name="promisedWorkingDays" label={t("catPromisedWorkingDays")} rules={[{ required: true, message: t("guideRequiredField") }]}>
          <InputNumber min={1} max={3650} precision={0} data-testid="catalogue-promised-input" />
        </Form.Item>
        <Form.Item name="promisedSource" label={t("catPromisedSource")} rules={required}>
          <Input.TextArea autoSize maxLength={500} />
        </Form.Item>
        <Form.Item name="pauseReasonClasses" label={t("catPauseClasses")}>
          <Select mode="multiple" options={options(PAUSE_LABELS)} />
        </Form.Item>
        <Form.Item name="signOffMode" label={t("catSignOffMode")} extra={t("catSignOffModeHint")}>
          <Select options={(["none", "all", "any"] as const).map((value) => ({ value, label: t(`catSignOff_${value}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t("catReason")} rules={required} extra={t("catReasonHint")}>
          <Input.TextArea autoSize maxLength={500} data-testid="catalogue-matter-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
