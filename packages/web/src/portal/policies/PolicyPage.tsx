import { DownloadOutlined } from "@ant-design/icons";
import { Card, Descriptions, Space, Table, Tag, Typography } from "antd";
import { DetailPage, useNumberedItem } from "../../components/DetailPage.js";
import { useI18n } from "../../i18n/index.js";
import { cstDate } from "../guides/types.js";
import { CATEGORY_COLORS, CATEGORY_LABELS, fileSize, type PublicPolicy } from "./types.js";

/** One published policy document: its particulars, text and attachments to download. */
export function PolicyPage() {
  const { t, pick } = useI18n();
  const { id, missing, loaded } = useNumberedItem<PublicPolicy>("/public/policies");

  return (
    <DetailPage
      testId="policy-page"
      loaded={loaded}
      missing={missing}
      list={{ to: "/policies", title: t("polTitle"), back: t("polBack"), backTestId: "back-to-policies" }}
      crumb={loaded.data?.title ?? id}
      notFound={{ testId: "policy-not-found", title: t("polNotFound"), subTitle: t("polNotFoundText", { id }) }}
    >
      {(data) => (
        <>
          <Typography.Title level={3} data-testid="policy-title" style={{ marginBottom: 8 }}>
            {data.title}
          </Typography.Title>
          <Space wrap style={{ marginBottom: 16 }}>
            <Tag color={CATEGORY_COLORS[data.category]}>{pick(CATEGORY_LABELS[data.category], data.category)}</Tag>
            <Typography.Text type="secondary">{t("polPublishedAt", { date: cstDate(data.publishedAt) })}</Typography.Text>
          </Space>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 3 }}
            style={{ marginBottom: 16 }}
            items={[
              { key: "issuer", label: t("polColIssuer"), children: <span data-testid="policy-issuer">{data.issuer}</span> },
              { key: "number", label: t("polDocNumber"), children: <span data-testid="policy-number">{data.documentNumber ?? "—"}</span> },
              { key: "date", label: t("polColDate"), children: data.issuedOn },
            ]}
          />
          <Card size="small" style={{ marginBottom: 16 }}>
            <Typography.Paragraph data-testid="policy-body" style={{ whiteSpace: "pre-wrap", marginBottom: 0, lineHeight: 1.9 }}>
              {data.body}
            </Typography.Paragraph>
          </Card>
          <Card size="small" title={t("polAttachments")}>
            <Table
              data-testid="policy-attachments"
              rowKey="key"
              size="small"
              pagination={false}
              showHeader={false}
              locale={{ emptyText: t("polNoAttachments") }}
              dataSource={data.attachments}
              columns={[
                { key: "name", dataIndex: "fileName" },
                { key: "size", width: 120, render: (_, a) => fileSize(a.size) },
                {
                  key: "download",
                  width: 120,
                  render: (_, a) => (
                    <a href={`/api/v1/public/policies/${data.id}/attachments/${a.key}`} download={a.fileName} data-testid="policy-attachment-link">
                      <DownloadOutlined /> {t("polDownload")}
                    </a>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </DetailPage>
  );
}
