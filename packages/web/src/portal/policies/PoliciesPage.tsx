import { PaperClipOutlined } from "@ant-design/icons";
import { Breadcrumb, Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { usePlatform } from "../../context/PlatformContext.js";
import { useI18n } from "../../i18n/index.js";
import { CATEGORY_COLORS, CATEGORY_LABELS, type PolicyCategory, type PublicPolicyList, type PublicPolicySummary } from "./types.js";

interface PolicyQuery {
  q?: string;
  category?: PolicyCategory;
  issuer?: string;
  page: number;
  pageSize: number;
}

/** 政策信息 (portal services, Art. 4): the published policy documents, newest first, by text, category and issuer. */
export function PoliciesPage() {
  const { t, pick } = useI18n();
  const { name } = usePlatform();
  const [query, setQuery] = useState<PolicyQuery>({ page: 1, pageSize: 20 });
  const { data, error, loading } = useApi<PublicPolicyList>("/public/policies", { ...query });
  const categories = (Object.keys(CATEGORY_LABELS) as PolicyCategory[]).map((value) => ({ value, label: pick(CATEGORY_LABELS[value]) }));

  return (
    <div className="portal-main" data-testid="policies-page">
      <Breadcrumb style={{ marginBottom: 16 }} items={[{ title: <Link to="/">{name}</Link> }, { title: t("polTitle") }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("polTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("polIntro")}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            enterButton={t("polSearch")}
            placeholder={t("polSearchPlaceholder")}
            style={{ width: 340 }}
            maxLength={100}
            data-testid="policies-q"
            onSearch={(value) => setQuery({ ...query, q: value.trim() || undefined, page: 1 })}
          />
          <Select
            allowClear
            placeholder={t("polAllCategories")}
            style={{ width: 200 }}
            options={categories}
            value={query.category}
            data-testid="policies-category"
            onChange={(value?: PolicyCategory) => setQuery({ ...query, category: value, page: 1 })}
          />
          <Input.Search
            allowClear
            placeholder={t("polIssuerPlaceholder")}
            style={{ width: 240 }}
            maxLength={100}
            data-testid="policies-issuer"
            onSearch={(value) => setQuery({ ...query, issuer: value.trim() || undefined, page: 1 })}
          />
        </Space>
      </Card>
      {error && <ErrorAlert error={error} />}
      <Table<PublicPolicySummary>
        data-testid="policies-list"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        size="middle"
        scroll={{ x: true }}
        locale={{ emptyText: t("polEmpty") }}
        pagination={listPagination(query, data?.total, setQuery, t)}
        columns={[
          {
            key: "title",
            title: t("polColTitle"),
            render: (_, p) => (
              <Space orientation="vertical" size={4}>
                <Link to={`/policies/${p.id}`} data-testid="policy-link">
                  {p.title}
                </Link>
                <Space size={4} wrap>
                  <Tag color={CATEGORY_COLORS[p.category]}>{pick(CATEGORY_LABELS[p.category], p.category)}</Tag>
                  {p.documentNumber && <Typography.Text type="secondary">{p.documentNumber}</Typography.Text>}
                  {p.attachmentCount > 0 && (
                    <Typography.Text type="secondary">
                      <PaperClipOutlined /> {t("polAttachmentCount", { n: p.attachmentCount })}
                    </Typography.Text>
                  )}
                </Space>
              </Space>
            ),
          },
          { key: "issuer", title: t("polColIssuer"), dataIndex: "issuer" },
          { key: "issuedOn", title: t("polColDate"), dataIndex: "issuedOn", width: 120 },
        ]}
      />
    </div>
  );
}
