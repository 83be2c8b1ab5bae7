import { DatabaseOutlined, DownloadOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, DatePicker, Input, Space, Table, Tabs, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import type { ApiError } from "../../api/client.js";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { RegionCascader } from "../../components/RegionCascader.js";
import { usePlatform } from "../../context/PlatformContext.js";
import { type DictKey, useI18n } from "../../i18n/index.js";
import { CATALOG_URL, DISCLOSURE_KINDS, type DisclosureFilters, type DisclosureKind, type DisclosureList, downloadUrl, type PublicDisclosure } from "./types.js";

const TAB_LABEL: Record<DisclosureKind, DictKey> = { approval: "disTabApproval", supervision: "disTabSupervision", penalty: "disTabPenalty" };

type Query = Omit<DisclosureFilters, "kind"> & { page: number; pageSize: number };

/**
 * 信息公开 (Art. 18): approval results, supervision information and penalty results of this platform's region,
 * newest first, by text, department, region and publication date, with the open-data downloads of the same list.
 */
export function DisclosuresPage() {
  const { t } = useI18n();
  const { name } = usePlatform();
  const [params, setParams] = useSearchParams();
  const kind: DisclosureKind = DISCLOSURE_KINDS.find((k) => k === params.get("kind")) ?? "approval";
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const [regionError, setRegionError] = useState<ApiError>();
  const { data, error, loading } = useApi<DisclosureList>("/public/disclosures", { ...query, kind });
  const { page: _page, pageSize: _size, ...filters } = query;
  const approval = kind === "approval";

  const columns: ColumnsType<PublicDisclosure> = [
    {
      key: "project",
      title: t("disColProject"),
      render: (_, i) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/projects/${i.projectCode}`} data-testid="disclosure-project">
            {i.projectCode}
          </Link>
          <Typography.Text>{i.projectName}</Typography.Text>
        </Space>
      ),
    },
    { key: "title", title: t(approval ? "disColMatter" : "disColTitle"), dataIndex: "title" },
    { key: "department", title: t(approval ? "disColDepartment" : "disColAgency"), dataIndex: "department" },
    {
      key: "result",
      title: t("disColResult"),
      render: (_, i) =>
        i.outcome ? <Tag color={i.outcome === "granted" ? "green" : "red"}>{i.result}</Tag> : <Typography.Text>{i.result ?? "—"}</Typography.Text>,
    },
    { key: "documentNumber", title: t(approval ? "disColDocNumber" : "disColDecisionNumber"), render: (_, i) => <span data-testid="disclosure-document-number">{i.documentNumber ?? "—"}</span> },
    { key: "decidedOn", title: t(approval ? "disColCompletedOn" : "disColDecidedOn"), dataIndex: "decidedOn", width: 110 },
    { key: "publishedOn", title: t("disColPublishedOn"), dataIndex: "publishedOn", width: 110 },
  ];

  return (
    <div className="portal-main" data-testid="disclosures-page">
      <Breadcrumb style={{ marginBottom: 16 }} items={[{ title: <Link to="/">{name}</Link> }, { title: t("disTitle") }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("disTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("disIntro")}</Typography.Paragraph>
      <Tabs
        activeKey={kind}
        data-testid="disclosure-tabs"
        onChange={(key) => {
          setParams({ kind: key });
          setQuery({ ...query, page: 1 });
        }}
        items={DISCLOSURE_KINDS.map((k) => ({ key: k, label: <span data-testid={`disclosure-tab-${k}`}>{t(TAB_LABEL[k])}</span> }))}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            enterButton={t("search")}
            placeholder={t("disSearchPlaceholder")}
            style={{ width: 340 }}
            maxLength={100}
            data-testid="disclosures-q"
            onSearch={(value) => setQuery({ ...query, q: value.trim() || undefined, page: 1 })}
          />
          <Input.Search
            allowClear
            placeholder={t("disDepartmentPlaceholder")}
            style={{ width: 220 }}
            maxLength={100}
            data-testid="disclosures-department"
            onSearch={(value) => setQuery({ ...query, department: value.trim() || undefined, page: 1 })}
          />
          <RegionCascader placeholder={t("disAllRegions")} testId="disclosures-region" onError={setRegionError} onChange={(code) => setQuery({ ...query, region: code, page: 1 })} />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t("disPublishedFrom"), t("disPublishedTo")]}
            data-testid="disclosures-dates"
            onChange={(range) =>
              setQuery({ ...query, from: range?.[0]?.format("YYYY-MM-DD") ?? undefined, to: range?.[1]?.format("YYYY-MM-DD") ?? undefined, page: 1 })
            }
          />
        </Space>
      </Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>
          <DownloadOutlined /> {t("disDownload")}
        </Typography.Text>
        {(["csv", "xlsx", "json"] as const).map((format) => (
          <Button key={format} size="small" href={downloadUrl(format, { ...filters, kind })} download data-testid={`disclosures-download-${format}`}>
            {format === "xlsx" ? "Excel" : format.toUpperCase()}
          </Button>
        ))}
        <Button size="small" type="link" icon={<DatabaseOutlined />} href={CATALOG_URL} target="_blank" rel="noopener" data-testid="disclosures-catalog">
          {t("disCatalog")}
        </Button>
      </Space>
      <ErrorAlert error={error ?? regionError} />
      <Table<PublicDisclosure>
        data-testid="disclosures-list"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        size="middle"
        scroll={{ x: true }}
        locale={{ emptyText: t("disEmpty") }}
        pagination={listPagination(query, data?.total, setQuery, t)}
        columns={columns}
      />
    </div>
  );
}
