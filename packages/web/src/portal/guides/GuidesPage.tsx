import { Breadcrumb, Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { usePlatform } from "../../context/PlatformContext.js";
import { useI18n } from "../../i18n/index.js";
import { GuideLimits } from "./GuideLimits.js";
import { KIND_LABELS, type PublicGuideList, type PublicGuideSummary, STAGE_LABELS } from "./types.js";

interface GuideQuery {
  q?: string;
  department?: string;
  stage?: string;
  page: number;
  pageSize: number;
}

/** The departments that have a published guide, for the department select (the whole list, at most 100). */
function useDepartments() {
  const all = useApi<PublicGuideList>("/public/guides", { pageSize: 100 });
  return useMemo(() => {
    const seen = new Map<number, string>();
    for (const g of all.data?.items ?? []) seen.set(g.departmentId, g.department);
    return [...seen].map(([id, name]) => ({ value: String(id), label: name }));
  }, [all.data]);
}

/** 办事指南 (portal services, Art. 4 and 8): find a matter's published guide by name, department and stage. */
export function GuidesPage() {
  const { t, pick } = useI18n();
  const { name } = usePlatform();
  const [query, setQuery] = useState<GuideQuery>({ page: 1, pageSize: 20 });
  const { data, error, loading } = useApi<PublicGuideList>("/public/guides", { ...query });
  const departments = useDepartments();
  const stages = Object.entries(STAGE_LABELS).map(([value, label]) => ({ value, label: pick(label) }));

  return (
    <div className="portal-main" data-testid="guides-page">
      <Breadcrumb style={{ marginBottom: 16 }} items={[{ title: <Link to="/">{name}</Link> }, { title: t("pgTitle") }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("pgTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("pgIntro")}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            enterButton={t("pgSearch")}
            placeholder={t("pgSearchPlaceholder")}
            style={{ width: 340 }}
            maxLength={100}
            data-testid="guides-q"
            onSearch={(value) => setQuery({ ...query, q: value.trim() || undefined, page: 1 })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("pgAllDepartments")}
            style={{ width: 240 }}
            options={departments}
            value={query.department}
            data-testid="guides-department"
            onChange={(value?: string) => setQuery({ ...query, department: value, page: 1 })}
          />
          <Select
            allowClear
            placeholder={t("pgAllStages")}
            style={{ width: 240 }}
            options={stages}
            value={query.stage}
            data-testid="guides-stage"
            onChange={(value?: string) => setQuery({ ...query, stage: value, page: 1 })}
          />
        </Space>
      </Card>
      {error && <ErrorAlert error={error} />}
      <Table<PublicGuideSummary>
        data-testid="guides-list"
        rowKey="matterCode"
        loading={loading}
        dataSource={data?.items ?? []}
        size="middle"
        scroll={{ x: true }}
        locale={{ emptyText: t("pgEmpty") }}
        pagination={listPagination(query, data?.total, setQuery, t)}
        columns={[
          {
            key: "name",
            title: t("pgMatterName"),
            render: (_, g) => (
              <Space orientation="vertical" size={4}>
                <Link to={`/guides/${encodeURIComponent(g.matterCode)}`} data-testid="guide-link">
                  {g.matterName}
                </Link>
                <Space size={4} wrap>
                  <Tag color="blue">{pick(KIND_LABELS[g.kind], g.kind)}</Tag>
                  <Tag color="purple" data-testid="guide-stage">
                    {pick(STAGE_LABELS[g.stage], g.stage)}
                  </Tag>
                  <Typography.Text type="secondary">{g.matterCode}</Typography.Text>
                </Space>
              </Space>
            ),
          },
          { key: "department", title: t("pgDepartment"), dataIndex: "department" },
          {
            key: "limits",
            title: t("pgLimits"),
            render: (_, g) => <GuideLimits {...g} />,
          },
          { key: "version", title: t("pgVersionCol"), render: (_, g) => t("pgVersion", { version: g.version }) },
        ]}
      />
    </div>
  );
}
