import { Form, Input, Radio, Select } from "antd";
import type { ApiError } from "../../api/client.js";
import { useApi } from "../../api/hooks.js";
import { useI18n } from "../../i18n/index.js";
import { IndustrySelect } from "./IndustrySelect.js";

interface CodeName {
  code: string;
  name: string;
}

function CodeTableSelect(props: { path: string; value?: string; onChange?: (v: string) => void; id?: string; testId: string; placeholder: string }) {
  const table = useApi<{ items: CodeName[] }>(props.path);
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      loading={table.loading}
      showSearch={{ optionFilterProp: "label" }}
      placeholder={props.placeholder}
      data-testid={props.testId}
      options={(table.data?.items ?? []).map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))}
    />
  );
}

/** Step 1, 项目基本信息: name, 审批/核准/备案, project type, central department and industry (spec §2, §4). */
export function StepBasics({ onError }: { onError: (error: ApiError | undefined) => void }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="name" label={t("projectName")} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t("declNameRule") }]}>
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item name="approvalCategory" label={t("approvalCategory")} rules={[{ required: true, message: t("declChoose") }]} extra={t("declCategoryHint")}>
        <Radio.Group
          data-testid="decl-category"
          options={[
            { value: "approval", label: t("declCategoryApproval") },
            { value: "verification", label: t("category_verification") },
            { value: "filing", label: t("category_filing") },
          ]}
        />
      </Form.Item>
      <Form.Item name="projectType" label={t("declProjectType")} rules={[{ required: true, message: t("declChoose") }]}>
        <CodeTableSelect path="/reference/project-types" testId="decl-projectType" placeholder={t("declChoose")} />
      </Form.Item>
      <Form.Item name="centralDepartmentCode" label={t("declDepartment")} rules={[{ required: true, message: t("declChoose") }]}>
        <CodeTableSelect path="/reference/central-departments" testId="decl-department" placeholder={t("declChoose")} />
      </Form.Item>
      <Form.Item name="industryCode" label={t("declIndustry")} rules={[{ required: true, message: t("declChoose") }]} extra={t("declIndustryHint")}>
        <IndustrySelect onError={onError} placeholder={t("declChoose")} />
      </Form.Item>
      <Form.Item name="legacyCode" label={t("declLegacyCode")} rules={[{ max: 50 }]}>
        <Input maxLength={50} />
      </Form.Item>
    </>
  );
}
