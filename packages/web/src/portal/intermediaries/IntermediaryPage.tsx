import { Breadcrumb, Button, Card, Descriptions, Result, Space, Table, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router-dom";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSpin } from "../../components/Status.js";
import { usePlatform } from "../../context/PlatformContext.js";
import { useI18n } from "../../i18n/index.js";
import type { IntermediaryService, PublicIntermediary, Qualification } from "./types.js";

/** One registered intermediary: qualifications, services with fees and promised time limits, and contacts. */
export function IntermediaryPage() {
  const { t } = useI18n();
  const { name } = usePlatform();
  const id = useParams().id ?? "";
  const valid = /^\d+$/.test(id);
  const { data, error, loading, reload } = useApi<PublicIntermediary>(valid ? `/public/intermediaries/${id}` : null);
  const back = (
    <Link to="/intermediaries" data-testid="back-to-intermediaries">
      <Button type="primary">{t("imBack")}</Button>
    </Link>
  );

  let body: ReactNode;
  if (!valid || error?.status === 404) {
    body = <Result status="404" data-testid="intermediary-not-found" title={t("imNotFound")} extra={back} />;
  } else if (loading) body = <PageSpin />;
  else if (error) {
    body = (
      <Space orientation="vertical" style={{ width: "100%" }}>
        <ErrorAlert error={error} />
        <Space>
          {back}
          <Button onClick={reload}>{t("retry")}</Button>
        </Space>
      </Space>
    );
  } else if (data) {
    body = (
      <>
        <Typography.Title level={3} data-testid="intermediary-name" style={{ marginBottom: 16 }}>
          {data.name}
        </Typography.Title>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 16 }}
          items={[
            { key: "code", label: t("imCreditCode"), children: <Typography.Text code>{data.creditCode}</Typography.Text> },
            { key: "region", label: t("imRegion"), children: data.regionName ?? data.regionCode },
            { key: "contact", label: t("imContactName"), children: data.contactName },
            { key: "phone", label: t("imContactPhone"), children: data.contactPhone },
            { key: "address", label: t("imAddress"), children: data.address, span: 2 },
          ]}
        />
        <Card size="small" title={t("imServices")} style={{ marginBottom: 16 }}>
          <Table<IntermediaryService>
            data-testid="intermediary-services"
            rowKey="service"
            size="small"
            pagination={false}
            dataSource={data.services}
            columns={[
              { key: "service", title: t("imService"), dataIndex: "service" },
              { key: "fee", title: t("imFeeBasis"), dataIndex: "feeBasis" },
              { key: "days", title: t("imPromisedDays"), width: 140, render: (_, s) => t("imDays", { n: s.promisedWorkingDays }) },
            ]}
          />
        </Card>
        <Card size="small" title={t("imQualifications")}>
          <Table<Qualification>
            rowKey="certificateNumber"
            size="small"
            pagination={false}
            dataSource={data.qualifications}
            columns={[
              { key: "name", title: t("imQualName"), dataIndex: "name" },
              { key: "level", title: t("imQualLevel"), render: (_, q) => q.level || "—" },
              { key: "number", title: t("imQualNumber"), dataIndex: "certificateNumber" },
              { key: "valid", title: t("imQualValidUntil"), dataIndex: "validUntil" },
            ]}
          />
        </Card>
      </>
    );
  }

  return (
    <div className="portal-main" data-testid="intermediary-page">
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">{name}</Link> }, { title: <Link to="/intermediaries">{t("imTitle")}</Link> }, { title: data?.name ?? id }]}
      />
      {body}
    </div>
  );
}
