import { Alert, Button, Checkbox, Drawer, Form, Input, InputNumber, Space, Tabs, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import { ApiError, api } from "../../../api/client.js";
import { applyFieldErrors, toNamePath } from "../../../api/form-errors.js";
import { asApiError } from "../../../api/hooks.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { useI18n } from "../../../i18n/index.js";
import { type DeclareFormValues, fromDraftData, isFormField, STEP_TITLES, stepOfPath, toDeclaration } from "../../../portal/declare/model.js";
import { StepBasics } from "../../../portal/declare/StepBasics.js";
import { StepInvestment } from "../../../portal/declare/StepInvestment.js";
import { StepSites } from "../../../portal/declare/StepSites.js";
import { StepUnit } from "../../../portal/declare/StepUnit.js";
import { type ChangeOutcome, type ChangeRequest, changeFormPath, percentToRatio } from "./change-kinds.js";
import { useReasonRules } from "./StatusChangeDialog.js";

/** The declaration's fields (the wizard's own) plus what the application itself says. */
export interface ChangeFormValues extends DeclareFormValues {
  reason?: string;
  /** The stated change of construction scale in percent (25 = 25% larger); sent as a fraction. */
  scalePercent?: number | null;
  contentChangedSubstantially?: boolean;
}

/** The fields of the change form that are not the declaration's. */
const OWN_FIELDS = new Set(["reason", "scalePercent", "contentChangedSubstantially"]);
const isChangeFormField = (path: string) => OWN_FIELDS.has(path) || isFormField(path);

/** The wizard's steps shown here; the last one (summary and submission) is this form's own footer. */
const STEPS = STEP_TITLES.slice(0, 4);

/**
 * 变更 or 延期 (Art. 12): the latest declaration in the wizard's own fields, one tab per step (every tab rendered,
 * so that a server error can be put on any field and its tab shown), with the reason and, for a change, the
 * unit's statements about scale and content. Rendered only while open.
 */
export function ChangeDeclarationDrawer(props: {
  code: string;
  kind: "adjustment" | "extension";
  declaration: unknown;
  onDone: (outcome: ChangeOutcome) => void;
  onClose: () => void;
}) {
  const { code, kind, declaration, onDone, onClose } = props;
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ChangeFormValues>();
  // An extension is about the schedule: open where the planned completion is.
  const [tab, setTab] = useState(() => String(kind === "extension" ? stepOfPath("plannedEnd") : 0));
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<{ error: ApiError; unmatched: ApiError["fields"] }>();
  const [loadError, setLoadError] = useState<ApiError>();
  const onError = useCallback((error: ApiError | undefined) => setLoadError(error), []);
  const reasonRules = useReasonRules();

  const initial = useMemo<ChangeFormValues>(() => {
    const values: ChangeFormValues = fromDraftData(declaration);
    if (!values.sites?.length) values.sites = [{}];
    return values;
  }, [declaration]);
  const currentEnd = initial.plannedEnd?.format("YYYY-MM");

  function showField(name: (string | number)[]) {
    const step = stepOfPath(name);
    if (step !== undefined) setTab(String(step));
    // After the tab is shown, so that the field can be scrolled to.
    setTimeout(() => form.scrollToField(name, { block: "center" }), 50);
  }

  async function submit() {
    setFailure(undefined);
    try {
      await form.validateFields();
    } catch (info) {
      const first = (info as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) showField(first.name);
      return;
    }
    const values = form.getFieldsValue(true) as ChangeFormValues;
    const ratio = kind === "adjustment" ? percentToRatio(values.scalePercent) : undefined;
    const body: ChangeRequest = {
      kind,
      reason: (values.reason ?? "").trim(),
      declaration: toDeclaration(values),
      ...(ratio !== undefined ? { scaleChangeRatio: ratio } : {}),
      ...(kind === "adjustment" && values.contentChangedSubstantially === true ? { contentChangedSubstantially: true } : {}),
    };
    setSubmitting(true);
    try {
      onDone(await api<ChangeOutcome>(`/projects/${encodeURIComponent(code)}/changes`, { method: "POST", body }));
    } catch (cause) {
      const error = asApiError(cause);
      if (!error) return;
      // The server names the declaration's fields under "declaration."; the form has them at its top.
      const onForm = new ApiError(error.status, {
        code: error.code,
        message: error.messageZh,
        messageEn: error.messageEn,
        requestId: error.requestId ?? "",
        fields: error.fields.map((f) => ({ ...f, path: changeFormPath(f.path) })),
      });
      const unmatched = applyFieldErrors(form, onForm, lang, isChangeFormField);
      setFailure({ error, unmatched });
      const first = onForm.fields.find((f) => isChangeFormField(f.path));
      if (first) showField(toNamePath(first.path));
    } finally {
      setSubmitting(false);
    }
  }

  const steps = [<StepBasics key={0} onError={onError} />, <StepUnit key={1} />, <StepSites key={2} onError={onError} />, <StepInvestment key={3} />];
  return (
    <Drawer
      open
      size="large"
      onClose={onClose}
      title={
        <span>
          {t(`chgTitle_${kind}`)} <Typography.Text code>{code}</Typography.Text>
        </span>
      }
      footer={
        <Space>
          <Button onClick={onClose} disabled={submitting}>
            {t("chgCancel")}
          </Button>
          <Button type="primary" loading={submitting} onClick={() => void submit()} data-testid="change-submit">
            {t("chgSubmit")}
          </Button>
        </Space>
      }
    >
      <div data-testid="change-form" data-kind={kind}>
        <Alert
          type="warning"
          showIcon
          title={<strong>{t("chgMajorNoticeTitle")}</strong>}
          description={t("chgMajorNoticeText")}
          data-testid="change-major-notice"
          style={{ marginBottom: 16 }}
        />
        {kind === "extension" && currentEnd && <Alert type="info" showIcon title={t("chgExtensionHint", { end: currentEnd })} style={{ marginBottom: 16 }} />}
        {failure && <ErrorAlert error={failure.error} fields={failure.unmatched} style={{ marginBottom: 16 }} />}
        <ErrorAlert error={loadError} style={{ marginBottom: 16 }} />
        <Form<ChangeFormValues> form={form} name="change" layout="vertical" initialValues={initial} disabled={submitting} scrollToFirstError={false}>
          <Form.Item name="reason" label={t("chgReason")} rules={reasonRules}>
            <Input.TextArea rows={2} maxLength={1000} showCount data-testid="change-reason" />
          </Form.Item>
          {kind === "adjustment" && (
            <>
              <Form.Item name="scalePercent" label={t("chgScalePercent")} extra={t("chgScalePercentHint")}>
                <InputNumber min={-100} max={10_000} precision={2} suffix="%" style={{ width: 200 }} data-testid="change-scale-percent" />
              </Form.Item>
              <Form.Item name="contentChangedSubstantially" valuePropName="checked">
                <Checkbox data-testid="change-content-changed">{t("chgContentChanged")}</Checkbox>
              </Form.Item>
            </>
          )}
          <Tabs
            activeKey={tab}
            onChange={setTab}
            data-testid="change-tabs"
            items={STEPS.map((title, i) => ({
              key: String(i),
              label: <span data-testid={`change-tab-${i}`}>{t(title)}</span>,
              forceRender: true,
              children: steps[i],
            }))}
          />
          <Form.Item
            name="industrialPolicyDeclaration"
            valuePropName="checked"
            rules={[
              {
                validator: async (_, v?: boolean) => {
                  if (v !== true) throw new Error(t("declPolicyRequired"));
                },
              },
            ]}
          >
            <Checkbox data-testid="change-policy">{t("declPolicyDeclaration")}</Checkbox>
          </Form.Item>
        </Form>
      </div>
    </Drawer>
  );
}
