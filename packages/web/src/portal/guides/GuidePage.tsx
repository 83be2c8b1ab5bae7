import { Card, Descriptions, Space, Tag, Typography } from "antd";
import { useParams } from "react-router-dom";
import { useApi } from "../../api/hooks.js";
import { DetailPage } from "../../components/DetailPage.js";
import { useI18n } from "../../i18n/index.js";
import { GuideLimits } from "./GuideLimits.js";
import { GuideSections, MaterialsTable } from "./GuideSections.js";
import { cstDate, KIND_LABELS, PAUSE_LABELS, type PublicGuide, STAGE_LABELS } from "./types.js";

function MatterFacts({ guide }: { guide: PublicGuide }) {
  const { t, pick } = useI18n();
  const m = guide.matter;
  return (
    <Card size="small" title={t("pgMatterFacts")}>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: "code", label: t("pgMatterCode"), children: <Typography.Text code>{m.code}</Typography.Text> },
          { key: "department", label: t("pgDepartment"), children: <span data-testid="guide-department">{m.department}</span> },
          { key: "kind", label: t("pgKind"), children: pick(KIND_LABELS[m.kind], m.kind) },
          { key: "stage", label: t("pgStage"), children: pick(STAGE_LABELS[m.stage], m.stage) },
          { key: "limits", label: t("pgLimits"), children: <GuideLimits {...m} /> },
          { key: "statutorySource", label: t("pgStatutorySource"), children: m.statutorySource },
          ...(m.extendableWorkingDays !== null
            ? [{ key: "extension", label: t("pgExtension"), children: `${t("pgExtensionDays", { n: m.extendableWorkingDays })}${m.extensionSource ? `（${m.extensionSource}）` : ""}` }]
            : []),
          { key: "promisedSource", label: t("pgPromisedSource"), children: m.promisedSource },
          {
            key: "pause",
            label: t("pgPauseClasses"),
            children: m.pauseReasonClasses.length ? m.pauseReasonClasses.map((c) => <Tag key={c}>{pick(PAUSE_LABELS[c], c)}</Tag>) : "—",
          },
        ]}
      />
    </Card>
  );
}

/** 办事指南 of one matter: the published version only (Art. 8), its facts, eight elements and material list. */
export function GuidePage() {
  const { t } = useI18n();
  const code = useParams().matterCode ?? "";
  const loaded = useApi<PublicGuide>(`/public/guides/${encodeURIComponent(code)}`);

  return (
    <DetailPage
      testId="guide-page"
      loaded={loaded}
      list={{ to: "/guides", title: t("pgTitle"), back: t("pgBack"), backTestId: "back-to-guides" }}
      crumb={loaded.data?.matter.name ?? code}
      notFound={{ testId: "guide-not-found", title: t("pgNotFound"), subTitle: t("pgNotFoundText", { code }) }}
    >
      {(data) => (
        <>
          <Typography.Title level={3} data-testid="guide-title" style={{ marginBottom: 4 }}>
            {data.matter.name}
          </Typography.Title>
          <Space wrap style={{ marginBottom: 16 }}>
            <Tag color="blue" data-testid="guide-version">
              {t("pgVersion", { version: data.version })}
            </Tag>
            <Typography.Text type="secondary" data-testid="guide-published">
              {t("pgPublishedOn", { date: cstDate(data.publishedAt) })}
            </Typography.Text>
          </Space>
          <MatterFacts guide={data} />
          <GuideSections content={data.content} />
          <MaterialsTable materials={data.materials} />
        </>
      )}
    </DetailPage>
  );
}
