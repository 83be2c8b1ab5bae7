import type { CaseEventType } from "@tzxm/shared";
import { App, type ButtonProps, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { applyFieldErrors } from "../../api/form-errors.js";
import { asApiError, useApi } from "../../api/hooks.js";
import type { Page } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useCaseLabels } from "../../i18n/case-labels.js";
import { useI18n } from "../../i18n/index.js";
import { beijingRfc3339 } from "./case-display.js";
import type { CaseView, Colleague } from "./types.js";

const FIELDS = ["reason", "reasonClass", "expectedWorkingDays", "workingDays", "result", "opinion", "documentNumber", "documentTitle", "toDepartmentId", "toOfficerId", "at"];
const WITH_REASON: readonly CaseEventType[] = ["refuse", "send_back", "transfer", "pause", "extend", "withdraw"];

interface Organisation {
  id: number;
  kind: string;
  name: string;
  regionCode: string;
}

function TransferTarget({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const orgs = useApi<Page<Organisation>>("/organisations", { page: 1, pageSize: 100 });
  const colleagues = useApi<{ items: Colleague[] }>(`/cases/${encodeURIComponent(caseId)}/colleagues`);
  const departments = (orgs.data?.items ?? []).filter((o) => o.kind === "comprehensive" || o.kind === "application");
  return (
    <>
      <Form.Item name="toDepartmentId" label={t("caseToDepartment")} extra={t("caseTransferHint")}>
        <Select allowClear showSearch={{ optionFilterProp: "label" }} loading={orgs.loading} options={departments.map((o) => ({ value: o.id, label: `${o.name}（${o.regionCode}）` }))} data-testid="step-to-department" />
      </Form.Item>
      <Form.Item name="toOfficerId" label={t("caseToOfficer")} extra={t("caseToOfficerHint")}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          loading={colleagues.loading}
          options={(colleagues.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${t(`caseRole_${c.role}`)}）` }))}
          data-testid="step-to-officer"
        />
      </Form.Item>
    </>
  );
}

/** 办结 fields: the decision a completion records, also what a sign-off round proposes. */
export function DecisionFields() {
  const { t } = useI18n();
  const labels = useCaseLabels();
  const required = [{ required: true, message: t("caseFieldRequired") }];
  return (
    <>
      <Form.Item name="result" label={t("matterResult")} rules={required} initialValue="granted">
        <Radio.Group
          data-testid="step-result"
          options={[
            { value: "granted", label: labels.result("granted") },
            { value: "denied", label: labels.result("denied") },
          ]}
        />
      </Form.Item>
      <Form.Item name="documentNumber" label={t("matterDocumentNumber")} rules={required}>
        <Input maxLength={100} data-testid="step-document-number" />
      </Form.Item>
      <Form.Item name="documentTitle" label={t("matterDocumentTitle")} rules={required}>
        <Input maxLength={200} data-testid="step-document-title" />
      </Form.Item>
      <Form.Item name="opinion" label={t("caseOpinion")} rules={required}>
        <Input.TextArea autoSize maxLength={2000} data-testid="step-opinion" />
      </Form.Item>
    </>
  );
}

/**
 * The small form of one step (spec §6 `POST /cases/{id}/events`): only the fields that step needs; the server's
 * field problems land on the fields, the rest in the alert.
 */
export function StepForm({ view, step, onClose, onDone }: { view: CaseView; step: CaseEventType | null; onClose: () => void; onDone: (next: CaseView) => void }) {
  const { t, lang } = useI18n();
  const labels = useCaseLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [unmatched, setUnmatched] = useState<ApiError["fields"]>();

  async function submit() {
    if (!step) return;
    // Missing fields are shown on the form itself; nothing is sent.
    const values = (await form.validateFields().catch(() => null)) as Record<string, unknown> | null;
    if (!values) return;
    const body: Record<string, unknown> = { type: step };
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== "") body[k] = k === "at" ? beijingRfc3339(v as Dayjs) : v;
    setBusy(true);
    setError(undefined);
    try {
      const next = await api<CaseView>(`/cases/${encodeURIComponent(view.caseId)}/events`, { method: "POST", body });
      message.success(t("caseStepDone", { step: labels.step(step) }));
      form.resetFields();
      onDone(next);
    } catch (cause) {
      const e = asApiError(cause);
      if (e) {
        setUnmatched(applyFieldErrors(form, e, lang, FIELDS));
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  const required = [{ required: true, message: t("caseFieldRequired") }];
  return (
    <Modal
      open={step !== null}
      title={step ? `${labels.step(step)} · ${view.matterName}` : ""}
      onCancel={() => {
        setError(undefined);
        onClose();
      }}
      onOk={() => void submit()}
      okText={step ? labels.step(step) : ""}
      okButtonProps={{ loading: busy, "data-testid": "step-submit" } as ButtonProps}
      destroyOnHidden
    >
      <div data-testid="step-form" data-step={step ?? ""}>
        <ErrorAlert error={error} fields={unmatched} style={{ marginBottom: 12 }} />
        {step === "accept" && <Typography.Paragraph type="secondary">{t("caseAcceptHint")}</Typography.Paragraph>}
        {(step === "receive" || step === "resume") && <Typography.Paragraph type="secondary">{t("caseConfirmStep")}</Typography.Paragraph>}
        <Form form={form} layout="vertical" preserve={false}>
          {step === "pause" && (
            <>
              <Form.Item name="reasonClass" label={t("casePauseClass")} rules={required}>
                <Select options={view.pauseReasonClasses.map((c) => ({ value: c, label: labels.pause(c) }))} data-testid="step-reason-class" />
              </Form.Item>
              <Form.Item name="expectedWorkingDays" label={t("caseExpectedDays")}>
                <InputNumber min={1} max={250} precision={0} data-testid="step-expected-days" />
              </Form.Item>
            </>
          )}
          {step === "extend" && (
            <Form.Item name="workingDays" label={t("caseExtendDays")} rules={required}>
              <InputNumber min={1} max={250} precision={0} data-testid="step-working-days" />
            </Form.Item>
          )}
          {step === "transfer" && <TransferTarget caseId={view.caseId} />}
          {step === "complete" && <DecisionFields />}
          {step && WITH_REASON.includes(step) && (
            <Form.Item name="reason" label={t("caseReason")} rules={required}>
              <Input.TextArea autoSize maxLength={1000} data-testid="step-reason" />
            </Form.Item>
          )}
          <Form.Item name="at" label={t("caseAt")} extra={t("caseAtHint")}>
            <DatePicker showTime format="YYYY-MM-DD HH:mm:ss" needConfirm={false} style={{ width: 240 }} data-testid="step-at" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
