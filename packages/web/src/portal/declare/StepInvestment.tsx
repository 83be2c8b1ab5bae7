import { DatePicker, Form, InputNumber } from "antd";
import type { Dayjs } from "dayjs";
import { useI18n } from "../../i18n/index.js";

const MAX_MONEY = 999_999_999_999.99;

/** Money in 万元 with 2 decimals (spec §1); sent as a decimal string such as "125000.00". */
function MoneyInput(props: { value?: number | null; onChange?: (v: number | null) => void; id?: string }) {
  const { t } = useI18n();
  return <InputNumber {...props} min={0} max={MAX_MONEY} precision={2} suffix={t("declTenThousandYuan")} style={{ width: 280 }} />;
}

/** Step 4, 投资与进度: total investment and government funding (万元), planned start and end (YYYY-MM). */
export function StepInvestment() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="totalInvestment"
        label={t("declTotalInvestment")}
        rules={[
          { required: true, message: t("declRequired") },
          {
            validator: async (_, v?: number | null) => {
              if (v != null && v <= 0) throw new Error(t("declPositive"));
            },
          },
        ]}
      >
        <MoneyInput />
      </Form.Item>
      <Form.Item
        name="governmentFunding"
        label={t("declGovernmentFunding")}
        dependencies={["totalInvestment"]}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_, v?: number | null) => {
              const total = getFieldValue("totalInvestment") as number | null | undefined;
              if (v != null && total != null && v > total) throw new Error(t("declFundingAboveTotal"));
            },
          }),
        ]}
      >
        <MoneyInput />
      </Form.Item>
      <Form.Item name="plannedStart" label={t("declPlannedStart")} rules={[{ required: true, message: t("declChoose") }]}>
        <DatePicker picker="month" format="YYYY-MM" />
      </Form.Item>
      <Form.Item
        name="plannedEnd"
        label={t("declPlannedEnd")}
        dependencies={["plannedStart"]}
        rules={[
          { required: true, message: t("declChoose") },
          ({ getFieldValue }) => ({
            validator: async (_, v?: Dayjs | null) => {
              const start = getFieldValue("plannedStart") as Dayjs | null | undefined;
              if (v && start && v.isBefore(start, "month")) throw new Error(t("declEndBeforeStart"));
            },
          }),
        ]}
      >
        <DatePicker picker="month" format="YYYY-MM" />
      </Form.Item>
    </>
  );
}
