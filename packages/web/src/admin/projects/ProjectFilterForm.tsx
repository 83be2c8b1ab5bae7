import { PROJECT_STATUSES, type ProjectStatus } from "@tzxm/shared";
import { Button, DatePicker, Form, Input, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { ApiError } from "../../api/client.js";
import { RegionCascader } from "../../components/RegionCascader.js";
import { isDictKey, useI18n } from "../../i18n/index.js";
import type { ProjectFilters } from "./types.js";

interface FormValues {
  code?: string;
  legacyCode?: string;
  name?: string;
  unit?: string;
  region?: string;
  status?: ProjectStatus;
  declared?: [Dayjs | null, Dayjs | null] | null;
}

const text = (value: string | undefined) => value?.trim() || undefined;

/** What the form holds, as the query string of the search and of the export. */
export function toFilters(v: FormValues): ProjectFilters {
  return {
    code: text(v.code)?.toUpperCase(),
    legacyCode: text(v.legacyCode),
    name: text(v.name),
    unit: text(v.unit),
    region: v.region,
    status: v.status,
    declaredFrom: v.declared?.[0]?.format("YYYY-MM-DD"),
    declaredTo: v.declared?.[1]?.format("YYYY-MM-DD"),
  };
}

/** The search conditions of 项目管理 / 我的项目; the unit field is left out for a unit, which sees only itself. */
export function ProjectFilterForm(props: { showUnit: boolean; onSearch: (filters: ProjectFilters) => void; onError: (error: ApiError | undefined) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  // The cascader keeps its own display: a new key clears it when the form is reset.
  const [regionKey, setRegionKey] = useState(0);

  return (
    <Form<FormValues>
      form={form}
      layout="inline"
      style={{ rowGap: 12, marginBottom: 16 }}
      onFinish={(values) => props.onSearch(toFilters(values))}
      data-testid="projects-filter"
    >
      <Form.Item name="code">
        <Input allowClear placeholder={t("projFilterCode")} style={{ width: 230 }} data-testid="filter-code" />
      </Form.Item>
      <Form.Item name="legacyCode">
        <Input allowClear placeholder={t("projFilterLegacy")} style={{ width: 230 }} data-testid="filter-legacy-code" />
      </Form.Item>
      <Form.Item name="name">
        <Input allowClear placeholder={t("projFilterName")} style={{ width: 200 }} data-testid="filter-name" />
      </Form.Item>
      {props.showUnit && (
        <Form.Item name="unit">
          <Input allowClear placeholder={t("projFilterUnit")} style={{ width: 250 }} data-testid="filter-unit" />
        </Form.Item>
      )}
      <Form.Item name="region">
        <RegionCascader key={regionKey} placeholder={t("projFilterRegion")} onError={props.onError} testId="filter-region" />
      </Form.Item>
      <Form.Item name="status">
        <Select<ProjectStatus>
          allowClear
          placeholder={t("projFilterStatus")}
          style={{ width: 170 }}
          data-testid="filter-status"
          options={PROJECT_STATUSES.map((s) => {
            const key = `status_${s}`;
            return { value: s, label: isDictKey(key) ? t(key) : s };
          })}
        />
      </Form.Item>
      <Form.Item name="declared" label={t("projDeclaredRange")}>
        <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="filter-declared" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="projects-search">
            {t("search")}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setRegionKey((k) => k + 1);
              props.onSearch({});
            }}
            data-testid="projects-reset"
          >
            {t("reset")}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
