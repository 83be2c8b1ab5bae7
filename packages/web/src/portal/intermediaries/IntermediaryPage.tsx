import { Card, Descriptions, Table, Typography } from "antd";
import { DetailPage, useNumberedItem } from "../../components/DetailPage.js";
import { useI18n } from "../../i18n/index.js";
import type { IntermediaryService, PublicIntermediary, Qualification } from "./types.js";

/** One registered intermediary: qualifications, services with fees and promised time limits, and contacts. */
export function IntermediaryPage() {
  const { t } = useI18n();
  const { id, missing, loaded } = useNumberedItem<PublicIntermediary>("/public/intermediaries");

  return (
    <DetailPage
      testId="intermediary-page"
      loaded={loaded}
      missing={missing}
      list={{ to: "/intermediaries", title: t("imTitle"), back: t("imBack"), backTestId: "back-to-intermediaries" }}
      crumb={loaded.data?.name ?? id}
      notFound={{ testId: "intermediary-not-found", title: t("imNotFound") }}
    >
      {(data) => (
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
      )}
    </DetailPage>
  );
}
