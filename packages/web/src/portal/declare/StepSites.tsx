import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Form, Input, InputNumber, Radio } from "antd";
import type { ApiError } from "../../api/client.js";
import { useI18n } from "../../i18n/index.js";
import { SiteRegionCascader } from "./SiteRegionCascader.js";

/** Step 3, 建设地点与内容: one or more sites (region + address), scale, content and land. */
export function StepSites({ onError }: { onError: (error: ApiError | undefined) => void }) {
  const { t } = useI18n();
  return (
    <>
      <Form.List
        name="sites"
        rules={[
          {
            validator: async (_, sites?: unknown[]) => {
              if (!sites || sites.length === 0) throw new Error(t("declSitesRequired"));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label={t("declSites")} required>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                title={t("declSiteN", { n: index + 1 })}
                data-testid={`decl-site-${index}`}
                extra={
                  fields.length > 1 && (
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t("declSiteRemove")} />
                  )
                }
              >
                <Form.Item name={[field.name, "regionCode"]} label={t("declSiteRegion")} rules={[{ required: true, message: t("regionRequired") }]}>
                  <SiteRegionCascader onError={onError} placeholder={t("declSiteRegionHint")} testId={`decl-site-region-${index}`} />
                </Form.Item>
                <Form.Item
                  name={[field.name, "address"]}
                  label={t("declSiteAddress")}
                  rules={[{ required: true, whitespace: true, message: t("declRequired") }, { max: 200 }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
              </Card>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block data-testid="decl-site-add">
              {t("declSiteAdd")}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="constructionScale" label={t("declScale")} rules={[{ required: true, whitespace: true, message: t("declRequired") }, { max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="constructionContent" label={t("declContent")} rules={[{ required: true, whitespace: true, message: t("declRequired") }, { max: 4000 }]}>
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Form.Item name="landAreaHectares" label={t("declLandArea")}>
        <InputNumber min={0} max={1_000_000} precision={4} suffix={t("declHectares")} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="newConstructionLand" label={t("declNewLand")}>
        <Radio.Group
          options={[
            { value: true, label: t("yes") },
            { value: false, label: t("no") },
          ]}
        />
      </Form.Item>
      <Form.Item name="environmentalCategory" label={t("declEnvironmentalCategory")} extra={t("declEnvironmentalCategoryHelp")}>
        <Radio.Group
          data-testid="decl-environmental-category"
          options={(["report", "form", "registration", "none"] as const).map((c) => ({ value: c, label: t(`declEia_${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="waterIntake" label={t("declWaterIntake")}>
        <Radio.Group
          options={[
            { value: true, label: t("yes") },
            { value: false, label: t("no") },
          ]}
        />
      </Form.Item>
    </>
  );
}
