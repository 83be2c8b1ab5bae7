import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Checkbox, Form, Input, Radio, Select, Space } from "antd";
import { api } from "../../api/client.js";
import { useI18n } from "../../i18n/index.js";
import { FormModal, ProjectCodeField, isoDate } from "./FormModal.js";
import type { Inspection, Listing, Penalty, RectificationOrder, Severity } from "./types.js";

const SEVERITIES: Severity[] = ["minor", "major", "serious"];
const projectPath = (code: string, tail: string) => `/projects/${encodeURIComponent(code.trim())}/${tail}`;
const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

interface Base<T> {
  /** The project, when opened from it; otherwise the form asks for its code. */
  code?: string | undefined;
  onDone(result: T): void;
  onClose(): void;
}

interface InspectionValues {
  code: string;
  mode: "on_site" | "online";
  inspectedOn: string;
  inspectors: string;
  summary: string;
  findings: { category: string; description: string; severity: Severity }[];
}

/** 记录监督检查: on site or online, with what it found. */
export function InspectionDialog({ code, onDone, onClose }: Base<Inspection>) {
  const { t } = useI18n();
  const [form] = Form.useForm<InspectionValues>();
  return (
    <FormModal<InspectionValues, Inspection>
      form={form}
      title={t("svInspectionNew")}
      okText={t("submit")}
      testId="inspection-dialog"
      fields={(p) => ["code", "mode", "inspectedOn", "inspectors", "summary"].includes(p) || p.startsWith("findings.")}
      initialValues={{ mode: "on_site", inspectedOn: isoDate(), findings: [] }}
      submit={(v) =>
        api<Inspection>(projectPath(code ?? v.code, "inspections"), {
          method: "POST",
          body: { mode: v.mode, inspectedOn: v.inspectedOn, inspectors: v.inspectors.trim(), summary: v.summary.trim(), findings: (v.findings ?? []).map((f) => ({ category: f.category.trim(), description: f.description.trim(), severity: f.severity })) },
        })
      }
      onDone={onDone}
      onClose={onClose}
    >
      {!code && <ProjectCodeField />}
      <Form.Item name="mode" label={t("svMode")} rules={[{ required: true }]}>
        <Radio.Group>
          <Radio value="on_site" data-testid="inspection-mode-on_site">{t("svMode_on_site")}</Radio>
          <Radio value="online" data-testid="inspection-mode-online">{t("svMode_online")}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="inspectedOn" label={t("svInspectedOn")} rules={[{ required: true, message: t("svDateRequired") }]}>
        <Input type="date" data-testid="inspection-date" />
      </Form.Item>
      <Form.Item name="inspectors" label={t("svInspectors")} rules={[{ required: true, whitespace: true, message: t("svInspectorsRequired") }]}>
        <Input maxLength={200} data-testid="inspection-inspectors" />
      </Form.Item>
      <Form.Item name="summary" label={t("svSummary")} rules={[{ required: true, whitespace: true, message: t("svSummaryRequired") }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="inspection-summary" />
      </Form.Item>
      <Form.List name="findings">
        {(items, { add, remove }) => (
          <>
            {items.map((item, i) => (
              <Space key={item.key} align="start" wrap data-testid={`inspection-finding-${i}`}>
                <Form.Item name={[item.name, "category"]} rules={[{ required: true, whitespace: true, message: t("svFindingCategoryRequired") }]}>
                  <Input placeholder={t("svFindingCategory")} maxLength={100} style={{ width: 140 }} data-testid={`finding-category-${i}`} />
                </Form.Item>
                <Form.Item name={[item.name, "description"]} rules={[{ required: true, whitespace: true, message: t("svFindingDescriptionRequired") }]}>
                  <Input placeholder={t("svFindingDescription")} maxLength={2000} style={{ width: 260 }} data-testid={`finding-description-${i}`} />
                </Form.Item>
                <Form.Item name={[item.name, "severity"]}>
                  <Select style={{ width: 110 }} data-testid={`finding-severity-${i}`} options={SEVERITIES.map((s) => ({ value: s, label: t(`svSeverity_${s}`) }))} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(item.name)} style={{ marginTop: 8 }} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ category: "", description: "", severity: "minor" })} data-testid="inspection-add-finding">
              {t("svFindingAdd")}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

interface OrderValues {
  code: string;
  documentNumber?: string;
  requirements: string;
  deadline: string;
}

/** 下达整改通知, optionally for one finding of an inspection. */
export function OrderDialog({ code, inspectionId, findingId, onDone, onClose }: Base<RectificationOrder> & { inspectionId?: number | undefined; findingId?: number | undefined }) {
  const { t } = useI18n();
  const [form] = Form.useForm<OrderValues>();
  return (
    <FormModal<OrderValues, RectificationOrder>
      form={form}
      title={t("svOrderNew")}
      okText={t("svOrderIssue")}
      testId="order-dialog"
      fields={["code", "documentNumber", "requirements", "deadline", "inspectionId", "findingId"]}
      initialValues={{ deadline: isoDate(30) }}
      submit={(v) =>
        api<RectificationOrder>(projectPath(code ?? v.code, "rectification-orders"), {
          method: "POST",
          body: { requirements: v.requirements.trim(), deadline: v.deadline, documentNumber: optional(v.documentNumber), inspectionId, findingId },
        })
      }
      onDone={onDone}
      onClose={onClose}
    >
      {!code && <ProjectCodeField />}
      <Form.Item name="documentNumber" label={t("svOrderDocumentNumber")}>
        <Input maxLength={100} data-testid="order-document-number" />
      </Form.Item>
      <Form.Item name="requirements" label={t("svRequirements")} rules={[{ required: true, whitespace: true, message: t("svRequirementsRequired") }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="order-requirements" />
      </Form.Item>
      <Form.Item name="deadline" label={t("svDeadline")} rules={[{ required: true, message: t("svDateRequired") }]}>
        <Input type="date" data-testid="order-deadline" />
      </Form.Item>
    </FormModal>
  );
}

interface PenaltyValues {
  code: string;
  documentNumber: string;
  decidedOn: string;
  violation: string;
  basis: string;
  penalty: string;
  amount?: string;
  public: boolean;
}

/** 行政处罚决定: never without its 决定书文号. */
export function PenaltyDialog({ code, onDone, onClose }: Base<Penalty>) {
  const { t } = useI18n();
  const [form] = Form.useForm<PenaltyValues>();
  return (
    <FormModal<PenaltyValues, Penalty>
      form={form}
      title={t("svPenaltyNew")}
      okText={t("submit")}
      testId="penalty-dialog"
      fields={["code", "documentNumber", "decidedOn", "violation", "basis", "penalty", "amount"]}
      initialValues={{ decidedOn: isoDate(), public: true }}
      submit={(v) =>
        api<Penalty>(projectPath(code ?? v.code, "penalties"), {
          method: "POST",
          body: { documentNumber: v.documentNumber.trim(), decidedOn: v.decidedOn, violation: v.violation.trim(), basis: v.basis.trim(), penalty: v.penalty.trim(), amount: optional(v.amount), public: v.public },
        })
      }
      onDone={onDone}
      onClose={onClose}
    >
      {!code && <ProjectCodeField />}
      <Form.Item name="documentNumber" label={t("svPenaltyDocumentNumber")} rules={[{ required: true, whitespace: true, message: t("svPenaltyDocumentNumberRequired") }]}>
        <Input maxLength={100} data-testid="penalty-document-number" />
      </Form.Item>
      <Form.Item name="decidedOn" label={t("svDecidedOn")} rules={[{ required: true, message: t("svDateRequired") }]}>
        <Input type="date" data-testid="penalty-decided-on" />
      </Form.Item>
      <Form.Item name="violation" label={t("svViolation")} rules={[{ required: true, whitespace: true, message: t("svViolationRequired") }]}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="penalty-violation" />
      </Form.Item>
      <Form.Item name="basis" label={t("svBasis")} rules={[{ required: true, whitespace: true, message: t("svBasisRequired") }]}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="penalty-basis" />
      </Form.Item>
      <Form.Item name="penalty" label={t("svPenaltyContent")} rules={[{ required: true, whitespace: true, message: t("svPenaltyContentRequired") }]}>
        <Input maxLength={1000} placeholder={t("svPenaltyContentPlaceholder")} data-testid="penalty-content" />
      </Form.Item>
      <Form.Item name="amount" label={t("svAmount")} rules={[{ pattern: /^\d{1,14}(\.\d{1,2})?$/, message: t("svAmountInvalid") }]}>
        <Input inputMode="decimal" data-testid="penalty-amount" />
      </Form.Item>
      <Form.Item name="public" valuePropName="checked">
        <Checkbox data-testid="penalty-public">{t("svPublic")}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

/** 列入异常名录. */
export function ListingDialog({ code, onDone, onClose }: Base<Listing>) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ code: string; reason: string; listedOn: string }>();
  return (
    <FormModal
      form={form}
      title={t("svListingNew")}
      okText={t("svList")}
      testId="listing-dialog"
      fields={["code", "reason", "listedOn"]}
      initialValues={{ listedOn: isoDate() }}
      submit={(v) => api<Listing>(projectPath(code ?? v.code, "abnormal-listing"), { method: "POST", body: { reason: v.reason.trim(), listedOn: v.listedOn } })}
      onDone={onDone}
      onClose={onClose}
    >
      {!code && <ProjectCodeField />}
      <Form.Item name="reason" label={t("svListingReason")} rules={[{ required: true, whitespace: true, message: t("svReasonRequired") }]}>
        <Input.TextArea rows={2} maxLength={1000} placeholder={t("svListingReasonPlaceholder")} data-testid="listing-reason" />
      </Form.Item>
      <Form.Item name="listedOn" label={t("svListedOn")} rules={[{ required: true, message: t("svDateRequired") }]}>
        <Input type="date" data-testid="listing-date" />
      </Form.Item>
    </FormModal>
  );
}
