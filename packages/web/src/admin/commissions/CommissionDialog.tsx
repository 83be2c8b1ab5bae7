import { type ButtonProps, Form, Input, Modal, Select } from "antd";
import { api } from "../../api/client.js";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { useFormRequest } from "../../lib/use-form-request.js";
import type { Commission, CommissionOption } from "./types.js";

interface QueueItem {
  caseId: string;
  projectCode: string;
  projectName: string;
  matterName: string;
}

interface Values {
  caseId: string;
  intermediaryId: number;
  service: string;
  requirements: string;
}

const FIELDS = ["caseId", "intermediaryId", "service", "requirements"] as const;

export interface CommissionDialogProps {
  /** The case to commission for (from a case's detail); without it the officer picks one of the department's accepted cases. */
  caseId?: string;
  onDone(commission: Commission): void;
  onClose(): void;
}

/**
 * 委托中介服务 (Art. 16): a department's officer commissions a registered intermediary for an accepted case. The
 * server pauses the case's clock in the same step; the dialog only gathers the choice. Mount it when needed:
 * `{open && <CommissionDialog caseId={id} onDone={…} onClose={…} />}`.
 */
export function CommissionDialog({ caseId, onDone, onClose }: CommissionDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { run, busy, error, unmatched } = useFormRequest(form, FIELDS);
  const options = useApi<{ items: CommissionOption[] }>("/commissions/intermediaries");
  const cases = useApi<{ items: QueueItem[] }>(caseId ? null : "/cases", { status: "accepted", pageSize: 200 });
  const intermediaryId = Form.useWatch("intermediaryId", form);
  const chosen = options.data?.items.find((o) => o.id === intermediaryId);

  async function submit() {
    const values = await form.validateFields();
    await run(async () => {
      const target = caseId ?? values.caseId;
      const body = { intermediaryId: values.intermediaryId, service: values.service, requirements: values.requirements.trim() };
      onDone(await api<Commission>(`/cases/${encodeURIComponent(target)}/commissions`, { method: "POST", body }));
    });
  }

  return (
    <Modal
      open
      title={t("kmCommissionTitle")}
      okText={t("kmCommission")}
      cancelText={t("cancel")}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ loading: busy, "data-testid": "commission-submit" } as ButtonProps}
      destroyOnHidden
      data-testid="commission-dialog"
    >
      <ErrorAlert error={options.error ?? cases.error ?? error} fields={error ? unmatched : undefined} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" requiredMark>
        {!caseId && (
          <Form.Item name="caseId" label={t("kmCase")} rules={[{ required: true, message: t("kmCaseRequired") }]} extra={t("kmCaseHint")}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              loading={cases.loading}
              data-testid="commission-case"
              options={(cases.data?.items ?? []).map((c) => ({ value: c.caseId, label: `${c.projectName} · ${c.matterName}（${c.projectCode}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="intermediaryId" label={t("kmIntermediary")} rules={[{ required: true, message: t("kmIntermediaryRequired") }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={options.loading}
            data-testid="commission-intermediary"
            onChange={() => form.setFieldValue("service", undefined)}
            options={(options.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="service" label={t("kmService")} rules={[{ required: true, message: t("kmServiceRequired") }]} extra={t("kmServiceHint")}>
          <Select
            disabled={!chosen}
            data-testid="commission-service"
            options={(chosen?.services ?? []).map((s) => ({ value: s.service, label: t("kmServiceOption", { service: s.service, n: s.promisedWorkingDays }) }))}
          />
        </Form.Item>
        <Form.Item name="requirements" label={t("kmRequirements")} rules={[{ required: true, whitespace: true, message: t("kmRequirementsRequired") }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="commission-requirements" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
