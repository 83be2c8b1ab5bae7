import { Form, Input } from "antd";
import { useI18n } from "../../i18n/index.js";

/** GB 32100: digits and capital letters except I, O, S, V and Z; the check character is verified by the server. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const PHONE = /^[0-9+\-() ]{7,20}$/;

/** Step 2, 项目单位: the signed-in unit itself (the server checks the credit code against the organisation). */
export function StepUnit() {
  const { t } = useI18n();
  const required = (max: number) => [{ required: true, whitespace: true, message: t("declRequired") }, { max }];
  return (
    <>
      <Form.Item name={["unit", "name"]} label={t("declUnitName")} rules={required(100)}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name={["unit", "creditCode"]}
        label={t("creditCode")}
        normalize={(v: string | undefined) => v?.toUpperCase().replace(/\s/g, "")}
        rules={[
          { required: true, message: t("declRequired") },
          { len: 18, message: t("creditCodeLength") },
          { pattern: CREDIT_CODE, message: t("declCreditCodeChars") },
        ]}
        extra={t("declCreditCodeHint")}
      >
        <Input maxLength={18} style={{ fontFamily: "monospace" }} />
      </Form.Item>
      <Form.Item name={["unit", "legalRepresentative"]} label={t("declLegalRepresentative")} rules={required(50)}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name={["unit", "contactName"]} label={t("declContactName")} rules={required(50)}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name={["unit", "contactPhone"]}
        label={t("declContactPhone")}
        rules={[{ required: true, message: t("declRequired") }, { pattern: PHONE, message: t("declPhoneRule") }]}
      >
        <Input maxLength={20} />
      </Form.Item>
    </>
  );
}
