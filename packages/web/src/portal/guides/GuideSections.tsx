import { Card, Descriptions, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/index.js";
import type { GuideContent, GuideMaterial } from "./types.js";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} style={{ marginTop: 16 }} data-testid={`guide-section-${id}`}>
      {children}
    </Card>
  );
}

function Steps({ items }: { items: string[] }) {
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, published list; the same text may appear twice.
        <li key={i}>{item}</li>
      ))}
    </ol>
  );
}

/** The eight elements of a service guide (《全国投资项目在线审批监管平台运行管理暂行办法》第八条), in the Article's order. */
export function GuideSections({ content }: { content: GuideContent }) {
  const { t } = useI18n();
  return (
    <>
      <Section id="basis" title={t("pgSecBasis")}>
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {content.legalBasis.map((b) => (
            <li key={`${b.title}|${b.article ?? ""}`}>
              <Typography.Text strong>{b.title}</Typography.Text>
              {b.article ? ` ${b.article}` : ""}
              {b.note ? <Typography.Text type="secondary">：{b.note}</Typography.Text> : null}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="content" title={t("pgSecContent")}>
        <Typography.Paragraph style={{ margin: 0 }}>{content.content}</Typography.Paragraph>
      </Section>
      <Section id="conditions" title={t("pgSecConditions")}>
        <Steps items={content.acceptanceConditions} />
      </Section>
      <Section id="procedure" title={t("pgSecProcedure")}>
        <Steps items={content.procedure} />
      </Section>
      <Section id="time-limit" title={t("pgSecTimeLimit")}>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: "statutory", label: t("guideTimeStatutory"), children: content.timeLimit.statutory },
            { key: "promised", label: t("guideTimePromised"), children: content.timeLimit.promised },
          ]}
        />
      </Section>
      <Section id="fees" title={t("pgSecFees")}>
        {content.fees.free && <Tag color="green">{t("guideFeesFree")}</Tag>}
        <Typography.Text>{content.fees.text}</Typography.Text>
        {content.fees.basis && <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>{t("pgFeeBasis", { basis: content.fees.basis })}</Typography.Paragraph>}
      </Section>
      <Section id="supervision" title={t("pgSecSupervision")}>
        <Typography.Paragraph style={{ margin: 0 }}>{content.supervision}</Typography.Paragraph>
      </Section>
      <Section id="contacts" title={t("pgSecContacts")}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: "office", label: t("guideContactOffice"), children: content.contacts.office },
            { key: "phone", label: t("guideContactPhone"), children: content.contacts.phone },
            { key: "address", label: t("guideContactAddress"), children: content.contacts.address },
            { key: "hours", label: t("guideContactHours"), children: content.contacts.hours },
          ]}
        />
      </Section>
    </>
  );
}

/** 申请材料清单: what to submit, and what the platform already holds (shared, never asked for again). */
export function MaterialsTable({ materials }: { materials: GuideMaterial[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t("pgMaterialsTitle")} style={{ marginTop: 16 }}>
      <Table<GuideMaterial>
        data-testid="guide-materials"
        rowKey="code"
        dataSource={materials}
        pagination={false}
        size="small"
        scroll={{ x: true }}
        columns={[
          { key: "code", title: t("pgMaterialCode"), dataIndex: "code", width: 70 },
          { key: "name", title: t("guideMaterialName"), dataIndex: "name" },
          {
            key: "tags",
            title: t("pgMaterialRequirement"),
            render: (_, m) => (
              <>
                {m.required ? <Tag color="red">{t("pgRequired")}</Tag> : <Tag>{t("pgOptional")}</Tag>}
                {m.heldByPlatform && (
                  <Tag color="green" data-testid="material-held">
                    {t("pgHeld")}
                  </Tag>
                )}
              </>
            ),
          },
          {
            key: "format",
            title: t("pgMaterialFormat"),
            render: (_, m) =>
              [m.formats?.map((f) => f.toUpperCase()).join(" / "), m.maxSizeMb ? t("pgMaxSize", { n: m.maxSizeMb }) : ""].filter(Boolean).join("，") || "—",
          },
          { key: "note", title: t("pgMaterialNote"), render: (_, m) => m.note ?? "—" },
        ]}
      />
    </Card>
  );
}
