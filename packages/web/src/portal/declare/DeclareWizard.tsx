import { LogoutOutlined } from "@ant-design/icons";
import { Button, Card, Form, Space, Steps, Typography } from "antd";
import { useCallback, useMemo, useRef, useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { applyFieldErrors, toNamePath } from "../../api/form-errors.js";
import { asApiError } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { DraftStatus } from "./DraftStatus.js";
import { type DraftView, deleteDraft } from "./drafts-api.js";
import {
  type DeclareFormValues,
  type DraftData,
  fromDraftData,
  isFormField,
  STEP_COUNT,
  STEP_FIELDS,
  STEP_TITLES,
  stepOfPath,
  toDeclaration,
  toDraftData,
} from "./model.js";
import { StepBasics } from "./StepBasics.js";
import { StepConfirm } from "./StepConfirm.js";
import { StepInvestment } from "./StepInvestment.js";
import { StepSites } from "./StepSites.js";
import { StepUnit } from "./StepUnit.js";
import { SubmitError } from "./SubmitError.js";
import { useDraftSaver } from "./useDraftSaver.js";

export interface Declared {
  code: string;
  status: string;
}

const clampStep = (step: number) => Math.min(Math.max(Math.trunc(step) || 0, 0), STEP_COUNT - 1);

/**
 * The declaration wizard over one draft. Every step is rendered (the others hidden) so that every field is
 * registered: a server error can be put on any field, and the step holding it shown. The draft is saved on
 * every step change and shortly after typing stops; nothing is validated against §4 until the last step.
 */
export function DeclareWizard({ draft, onDeclared }: { draft: DraftView; onDeclared: (result: Declared) => void }) {
  const { t, lang } = useI18n();
  const { user, logout } = useSession();
  const [form] = Form.useForm<DeclareFormValues>();
  const [current, setCurrent] = useState(() => clampStep(draft.step));
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<{ error: ApiError; unmatched: ApiError["fields"] }>();
  const [loadError, setLoadError] = useState<ApiError>();

  const initial = useMemo(() => {
    const values = fromDraftData(draft.data);
    // A new declaration starts with the signed-in unit's own name; its credit code is for the unit to type.
    if (!values.unit?.name && user) values.unit = { ...values.unit, name: user.organisation.name };
    if (!values.sites?.length) values.sites = [{}];
    return values;
  }, [draft, user]);

  // The saver reads these refs, never the form: it may still run while the page unloads.
  const valuesRef = useRef<DeclareFormValues>(initial);
  const stepRef = useRef(current);
  const snapshot = useCallback(
    () => (valuesRef.current.classified === true ? null : { step: stepRef.current, data: toDraftData(valuesRef.current) }),
    [],
  );
  const saver = useDraftSaver(draft.id, snapshot, draft.updatedAt);
  const markedRef = useRef(false);
  if (!markedRef.current) {
    markedRef.current = true;
    saver.markSaved({ step: draft.step, data: (draft.data ?? {}) as DraftData });
  }
  const classified = Form.useWatch("classified", form) === true;
  const onError = useCallback((error: ApiError | undefined) => setLoadError(error), []);

  function goTo(step: number) {
    const next = clampStep(step);
    stepRef.current = next;
    setCurrent(next);
    void saver.flush();
    window.scrollTo({ top: 0 });
  }

  async function next() {
    try {
      await form.validateFields(STEP_FIELDS[current], { recursive: true });
    } catch {
      return; // the form shows what is missing
    }
    goTo(current + 1);
  }

  function showField(path: string | (string | number)[]) {
    const step = stepOfPath(path);
    if (step !== undefined) goTo(step);
    // After the step is shown, so that the field can be scrolled to.
    setTimeout(() => form.scrollToField(typeof path === "string" ? toNamePath(path) : path, { block: "center" }), 50);
  }

  async function submit() {
    setSubmitError(undefined);
    try {
      await form.validateFields();
    } catch (info) {
      const first = (info as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
      if (first) showField(first.name);
      return;
    }
    setSubmitting(true);
    try {
      await saver.flush(); // the draft holds everything sent, whatever the answer
      const body = toDeclaration(form.getFieldsValue(true) as DeclareFormValues);
      const result = await api<Declared>("/projects", { method: "POST", body });
      saver.stop();
      // The declaration stands whatever happens to the draft: if this delete fails, the draft merely stays in
      // the unit's list (where it can be deleted by hand); it is never submitted twice by itself.
      await deleteDraft(draft.id).catch(() => undefined);
      onDeclared(result);
    } catch (cause) {
      const error = asApiError(cause);
      if (!error) return;
      const unmatched = applyFieldErrors(form, error, lang, isFormField);
      setSubmitError({ error, unmatched });
      const first = error.fields.find((f) => isFormField(f.path)) ?? error.fields.find((f) => stepOfPath(f.path) !== undefined);
      if (first) showField(first.path);
      else window.scrollTo({ top: 0 });
    } finally {
      setSubmitting(false);
    }
  }

  async function signOut() {
    await saver.flush();
    saver.stop();
    await logout().catch(() => undefined);
  }

  const last = current === STEP_COUNT - 1;
  return (
    <Card
      title={t("declTitle")}
      data-testid="declare-wizard"
      extra={
        <Space size="middle" wrap>
          <DraftStatus state={saver.state} />
          {user && <Typography.Text type="secondary">{t("declSignedInAs", { name: user.displayName, org: user.organisation.name })}</Typography.Text>}
          <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut()} data-testid="decl-signout">
            {t("logout")}
          </Button>
        </Space>
      }
    >
      <Steps
        current={current}
        onChange={goTo}
        data-testid="decl-steps"
        style={{ marginBottom: 24 }}
        items={STEP_TITLES.map((key) => ({ title: t(key) }))}
      />
      <Typography.Paragraph type="secondary">{t("declDraftHint")}</Typography.Paragraph>
      {submitError && <SubmitError error={submitError.error} unmatched={submitError.unmatched} />}
      <ErrorAlert error={loadError} style={{ marginBottom: 16 }} />
      <Form<DeclareFormValues>
        form={form}
        name="declare"
        layout="vertical"
        initialValues={initial}
        disabled={submitting}
        scrollToFirstError={false}
        onValuesChange={() => {
          valuesRef.current = form.getFieldsValue(true) as DeclareFormValues;
          saver.changed();
        }}
        style={{ maxWidth: 820 }}
      >
        {[<StepBasics key={0} onError={onError} />, <StepUnit key={1} />, <StepSites key={2} onError={onError} />, <StepInvestment key={3} />, <StepConfirm key={4} classified={classified} />].map(
          (content, i) => (
            <div key={STEP_TITLES[i]} hidden={i !== current} data-testid={`decl-step-${i}`} data-active={i === current}>
              {content}
            </div>
          ),
        )}
      </Form>
      <Space style={{ marginTop: 8 }}>
        {current > 0 && (
          <Button onClick={() => goTo(current - 1)} data-testid="decl-prev">
            {t("declPrev")}
          </Button>
        )}
        {!last && (
          <Button type="primary" onClick={() => void next()} data-testid="decl-next">
            {t("declNext")}
          </Button>
        )}
        {last && (
          <Button type="primary" size="large" onClick={() => void submit()} loading={submitting} disabled={classified} data-testid="decl-submit">
            {t("declSubmit")}
          </Button>
        )}
      </Space>
    </Card>
  );
}
