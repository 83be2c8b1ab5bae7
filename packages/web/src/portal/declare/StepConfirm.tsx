import { Alert, Checkbox, Descriptions, Form, Switch, Typography } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/index.js";
import { type DeclareFormValues, toDraftData } from "./model.js";

function Summary() {
  const { t } = useI18n();
  const form = Form.useFormInstance<DeclareFormValues>();
  const values = Form.useWatch((all: DeclareFormValues) => all, { form, preserve: true }) ?? {};
  const d = toDraftData(values) as Record<string, unknown> & DeclareFormValues;
  const text = (v: unknown): ReactNode => (v === undefined || v === "" ? <Typography.Text type="secondary">—</Typography.Text> : String(v));
  const money = (v: unknown) => (typeof v === "string" ? `${v} ${t("declTenThousandYuan")}` : text(v));
  const yesNo = (v: unknown) => (v === true ? t("yes") : v === false ? t("no") : text(v));
  const category = d.approvalCategory === "approval" ? t("declCategoryApproval") : d.approvalCategory ? t(`category_${d.approvalCategory}`) : undefined;
  const sites = (values.sites ?? []).map((s, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the sites are shown in their order, without identity.
    <div key={i}>
      {text(s?.regionCode)} {s?.address ?? ""}
    </div>
  ));
  const items: [string, ReactNode][] = [
    [t("projectName"), text(d.name)],
    [t("approvalCategory"), text(category)],
    [t("declProjectType"), text(d.projectType)],
    [t("declDepartment"), text(d.centralDepartmentCode)],
    [t("declIndustry"), text(d.industryCode)],
    [t("declLegacyCode"), text(d.legacyCode)],
    [t("declUnitName"), text(values.unit?.name)],
    [t("creditCode"), text(values.unit?.creditCode)],
    [t("declLegalRepresentative"), text(values.unit?.legalRepresentative)],
    [t("declContactName"), text(values.unit?.contactName)],
    [t("declContactPhone"), text(values.unit?.contactPhone)],
    [t("declSites"), sites.length ? sites : text(undefined)],
    [t("declScale"), text(d.constructionScale)],
    [t("declContent"), text(d.constructionContent)],
    [t("declLandArea"), d.landAreaHectares === undefined ? text(undefined) : `${String(d.landAreaHectares)} ${t("declHectares")}`],
    [t("declNewLand"), yesNo(d.newConstructionLand)],
    [t("declTotalInvestment"), money(d.totalInvestment)],
    [t("declGovernmentFunding"), money(d.governmentFunding)],
    [t("declPlannedStart"), text(d.plannedStart)],
    [t("declPlannedEnd"), text(d.plannedEnd)],
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      title={t("declSummary")}
      data-testid="decl-summary"
      items={items.map(([label, children], i) => ({ key: String(i), label, children }))}
      style={{ marginBottom: 24 }}
    />
  );
}

/** Step 5, 声明与提交: the summary, the industrial-policy declaration and the classified switch (Art. 3). */
export function StepConfirm({ classified }: { classified: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Summary />
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
        <Checkbox data-testid="decl-policy">{t("declPolicyDeclaration")}</Checkbox>
      </Form.Item>
      <Form.Item name="classified" label={t("declClassified")} valuePropName="checked" extra={t("declClassifiedHint")}>
        <Switch data-testid="decl-classified" checkedChildren={t("yes")} unCheckedChildren={t("no")} />
      </Form.Item>
      {classified && <Alert type="error" showIcon title={t("declClassifiedWarning")} description={t("declClassifiedNoDraft")} data-testid="decl-classified-warning" />}
    </>
  );
}
