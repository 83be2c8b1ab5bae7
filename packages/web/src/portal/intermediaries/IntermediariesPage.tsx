import { AutoComplete, Breadcrumb, Button, Card, Input, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import type { ApiError } from "../../api/client.js";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { RegionCascader } from "../../components/RegionCascader.js";
import { usePlatform } from "../../context/PlatformContext.js";
import { useI18n } from "../../i18n/index.js";
import { COMMON_SERVICES, type PublicIntermediary, type PublicIntermediaryList } from "./types.js";

interface DirectoryQuery {
  q?: string;
  service?: string;
  region?: string;
  page: number;
  pageSize: number;
}

/** 中介服务 (portal services, Art. 4): the registered intermediaries, by name, service and region. */
export function IntermediariesPage() {
  const { t } = useI18n();
  const { name } = usePlatform();
  const [query, setQuery] = useState<DirectoryQuery>({ page: 1, pageSize: 20 });
  const [service, setService] = useState("");
  const [regionError, setRegionError] = useState<ApiError>();
  const { data, error, loading } = useApi<PublicIntermediaryList>("/public/intermediaries", { ...query });

  return (
    <div className="portal-main" data-testid="intermediaries-page">
      <Breadcrumb style={{ marginBottom: 16 }} items={[{ title: <Link to="/">{name}</Link> }, { title: t("imTitle") }]} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("imTitle")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t("imIntro")}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            enterButton={t("polSearch")}
            placeholder={t("imSearchPlaceholder")}
            style={{ width: 320 }}
            maxLength={100}
            data-testid="intermediaries-q"
            onSearch={(value) => setQuery({ ...query, q: value.trim() || undefined, page: 1 })}
          />
          <Space.Compact>
            <AutoComplete
              allowClear
              value={service}
              placeholder={t("imServicePlaceholder")}
              style={{ width: 260 }}
              options={COMMON_SERVICES.map((s) => ({ value: s }))}
              filterOption={(input, option) => (option?.value ?? "").includes(input)}
              data-testid="intermediaries-service"
              onChange={(value: string) => setService(value ?? "")}
              onSelect={(value: string) => setQuery({ ...query, service: value, page: 1 })}
              onClear={() => setQuery({ ...query, service: undefined, page: 1 })}
            />
            <Button data-testid="intermediaries-service-search" onClick={() => setQuery({ ...query, service: service.trim() || undefined, page: 1 })}>
              {t("polSearch")}
            </Button>
          </Space.Compact>
          <RegionCascader
            placeholder={t("imAllRegions")}
            testId="intermediaries-region"
            onError={setRegionError}
            onChange={(code) => setQuery({ ...query, region: code, page: 1 })}
          />
        </Space>
      </Card>
      <ErrorAlert error={error ?? regionError} />
      <Table<PublicIntermediary>
        data-testid="intermediaries-list"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        size="middle"
        scroll={{ x: true }}
        locale={{ emptyText: t("imEmpty") }}
        pagination={listPagination(query, data?.total, setQuery, t)}
        columns={[
          {
            key: "name",
            title: t("imName"),
            render: (_, i) => (
              <Space orientation="vertical" size={4}>
                <Link to={`/intermediaries/${i.id}`} data-testid="intermediary-link">
                  {i.name}
                </Link>
                <Typography.Text type="secondary">{i.creditCode}</Typography.Text>
              </Space>
            ),
          },
          {
            key: "services",
            title: t("imServices"),
            render: (_, i) => (
              <Space size={4} wrap>
                {i.services.map((s) => (
                  <Tag key={s.service} color="blue" data-testid="intermediary-service">
                    {s.service} · {t("imDays", { n: s.promisedWorkingDays })}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { key: "region", title: t("imRegion"), render: (_, i) => i.regionName ?? i.regionCode },
          { key: "phone", title: t("imContactPhone"), dataIndex: "contactPhone" },
        ]}
      />
    </div>
  );
}
