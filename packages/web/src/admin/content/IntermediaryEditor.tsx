import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { App, AutoComplete, Button, Divider, Form, Input, InputNumber, Space } from "antd";
import { api } from "../../api/client.js";
import { EditorDrawer } from "../../components/EditorDrawer.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { useFormRequest } from "../../lib/use-form-request.js";
import { COMMON_SERVICES } from "../../portal/intermediaries/types.js";
import type { Intermediary, IntermediaryBody } from "./types.js";

const TOP = ["name", "creditCode", "regionCode", "organisationId", "contactName", "contactPhone", "address", "qualifications", "services"];
const known = (path: string) => TOP.includes(path) || /^(qualifications|services)\.\d+\.\w+$/.test(path);

/** A registration: name, credit code, region, qualifications and services as lists, contacts. */
export function IntermediaryEditor(props: { intermediary: Intermediary | undefined; editable: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<IntermediaryBody>();
  const { run, busy, error, unmatched } = useFormRequest(form, known);
  const i = props.intermediary;
  const required = [{ required: true, whitespace: true, message: t("cmRequired") }];

  async function save() {
    await form.validateFields();
    // getFieldsValue(true) keeps what the form does not show (the linked organisation).
    const values = form.getFieldsValue(true) as IntermediaryBody;
    await run(async () => {
      if (i) await api(`/intermediaries/${i.id}`, { method: "PUT", body: values });
      else await api("/intermediaries", { method: "POST", body: values });
      message.success(t("cmSaved"));
      props.onSaved();
    });
  }

  const initial: IntermediaryBody = i
    ? {
        name: i.name,
        creditCode: i.creditCode,
        regionCode: i.regionCode,
        organisationId: i.organisationId,
        qualifications: i.qualifications,
        services: i.services,
        contactName: i.contactName,
        contactPhone: i.contactPhone,
        address: i.address,
      }
    : { name: "", creditCode: "", regionCode: "", qualifications: [], services: [{ service: "", feeBasis: "", promisedWorkingDays: 20 }], contactName: "", contactPhone: "", address: "" };

  return (
    <EditorDrawer
      testId="intermediary-editor"
      title={i ? i.name : t("cmNewIntermediary")}
      size={820}
      editable={props.editable}
      busy={busy}
      saveText={t("cmSave")}
      saveTestId="intermediary-save"
      onSave={save}
      onClose={props.onClose}
    >
      <ErrorAlert error={error} fields={unmatched} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" disabled={!props.editable} initialValues={initial}>
        <Form.Item name="name" label={t("imName")} rules={required}>
          <Input maxLength={100} data-testid="intermediary-name-input" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="creditCode" label={t("imCreditCode")} rules={required}>
            <Input maxLength={18} style={{ width: 260 }} data-testid="intermediary-code-input" />
          </Form.Item>
          <Form.Item name="regionCode" label={t("imRegionCode")} rules={required} extra={i?.regionName ?? undefined}>
            <Input maxLength={6} style={{ width: 160 }} placeholder="330106" data-testid="intermediary-region-input" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="contactName" label={t("imContactName")} rules={required}>
            <Input maxLength={50} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t("imContactPhone")} rules={required}>
            <Input maxLength={30} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="address" label={t("imAddress")} rules={required}>
            <Input maxLength={200} style={{ width: 320 }} />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start">{t("imServices")}</Divider>
        <Form.List name="services">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: "flex" }}>
                  <Form.Item name={[f.name, "service"]} rules={required} style={{ width: 240, marginBottom: 8 }}>
                    <AutoComplete placeholder={t("imService")} options={COMMON_SERVICES.map((s) => ({ value: s }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, "feeBasis"]} rules={required} style={{ width: 300, marginBottom: 8 }}>
                    <Input placeholder={t("imFeeBasis")} maxLength={500} />
                  </Form.Item>
                  <Form.Item name={[f.name, "promisedWorkingDays"]} rules={[{ required: true, message: t("cmRequired") }]} style={{ marginBottom: 8 }}>
                    <InputNumber min={1} max={365} precision={0} suffix={t("imWorkingDaysUnit")} style={{ width: 130 }} />
                  </Form.Item>
                  {props.editable && fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              {props.editable && (
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ service: "", feeBasis: "", promisedWorkingDays: 20 })}>
                  {t("cmAdd")}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">{t("imQualifications")}</Divider>
        <Form.List name="qualifications">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: "flex" }}>
                  <Form.Item name={[f.name, "name"]} rules={required} style={{ width: 240, marginBottom: 8 }}>
                    <Input placeholder={t("imQualName")} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[f.name, "level"]} style={{ width: 90, marginBottom: 8 }}>
                    <Input placeholder={t("imQualLevel")} maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[f.name, "certificateNumber"]} rules={required} style={{ width: 200, marginBottom: 8 }}>
                    <Input placeholder={t("imQualNumber")} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[f.name, "validUntil"]} rules={required} style={{ width: 170, marginBottom: 8 }}>
                    <Input type="date" title={t("imQualValidUntil")} />
                  </Form.Item>
                  {props.editable && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              {props.editable && (
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: "", level: "", certificateNumber: "", validUntil: "" })}>
                  {t("cmAdd")}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </EditorDrawer>
  );
}
