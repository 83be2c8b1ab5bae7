import { App, Form, Input, Modal, Select } from "antd";
import { api } from "../../api/client.js";
import type { OrganisationKind } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { RegionCascader } from "../../components/RegionCascader.js";
import { useI18n } from "../../i18n/index.js";
import { useKindLabel } from "../../i18n/labels.js";
import { useFormRequest } from "../../lib/use-form-request.js";

interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  shortName?: string;
  regionCode: string;
  creditCode?: string;
}

const FIELDS = ["kind", "name", "shortName", "regionCode", "creditCode"] as const;

/** 登记机构: the server checks the credit code's GB 32100 check character and the region's scope. */
export function CreateOrganisationDialog(props: { open: boolean; kinds: OrganisationKind[]; onClose(): void; onCreated(): void }) {
  const { t } = useI18n();
  const kindLabel = useKindLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewOrganisation>();
  const { run, busy, error, unmatched, setError } = useFormRequest(form, FIELDS);
  const kind = Form.useWatch("kind", form);

  async function create(values: NewOrganisation) {
    await run(async () => {
      const creditCode = values.creditCode?.trim().toUpperCase() || undefined;
      await api("/organisations", { method: "POST", body: { ...values, creditCode } });
      message.success(t("createdOrganisation", { name: values.name }));
      form.resetFields();
      props.onCreated();
    });
  }

  const needsCredit = kind === "project_unit" || kind === "intermediary";
  return (
    <Modal
      open={props.open}
      title={t("createOrganisation")}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t("submit")}
      cancelText={t("cancel")}
      confirmLoading={busy}
      destroyOnHidden
      data-testid="create-organisation-dialog"
    >
      <ErrorAlert error={error} fields={unmatched} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={(v) => void create(v)} preserve={false}>
        <Form.Item name="kind" label={t("orgKind")} rules={[{ required: true, message: t("orgKindRequired") }]}>
          <Select data-testid="new-org-kind" options={props.kinds.map((k) => ({ value: k, label: kindLabel(k) }))} />
        </Form.Item>
        <Form.Item name="name" label={t("orgName")} rules={[{ required: true, whitespace: true, min: 2, message: t("orgNameRequired") }]}>
          <Input data-testid="new-org-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t("orgShortName")}>
          <Input />
        </Form.Item>
        <Form.Item name="regionCode" label={t("region")} rules={[{ required: true, message: t("regionRequired") }]}>
          <RegionCascader onError={setError} placeholder={t("chooseRegion")} testId="new-org-region" />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t("creditCode")}
          rules={[{ required: needsCredit, message: t("creditCodeRequired") }, { len: 18, message: t("creditCodeLength") }]}
        >
          <Input maxLength={18} data-testid="new-org-credit-code" style={{ fontFamily: "monospace" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
