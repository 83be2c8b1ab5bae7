import { BookOutlined, CalculatorOutlined, FileSearchOutlined, FormOutlined, NotificationOutlined, SolutionOutlined } from "@ant-design/icons";
import { Card, Col, Row, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { type DictKey, useI18n } from "../i18n/index.js";
import { CodeSearch } from "./CodeSearch.js";

interface ServiceCard {
  id: string;
  title: DictKey;
  description: DictKey;
  icon: ReactNode;
  /** Only sections that exist link anywhere; the rest arrive in later releases and say so. */
  to?: string;
}

const CARDS: ServiceCard[] = [
  { id: "declare", title: "cardDeclare", description: "cardDeclareDesc", icon: <FormOutlined />, to: "/declare" },
  { id: "guides", title: "cardGuides", description: "cardGuidesDesc", icon: <BookOutlined />, to: "/guides" },
  { id: "policies", title: "cardPolicies", description: "cardPoliciesDesc", icon: <NotificationOutlined />, to: "/policies" },
  { id: "intermediary", title: "cardIntermediary", description: "cardIntermediaryDesc", icon: <SolutionOutlined />, to: "/intermediaries" },
  { id: "disclosures", title: "cardDisclosures", description: "cardDisclosuresDesc", icon: <FileSearchOutlined />, to: "/disclosures" },
  { id: "calendar", title: "cardCalendar", description: "cardCalendarDesc", icon: <CalculatorOutlined />, to: "/calendar" },
];

function ServiceCardView({ card }: { card: ServiceCard }) {
  const { t } = useI18n();
  const body = (
    <Card
      hoverable={!!card.to}
      className={card.to ? "service-card" : "service-card disabled"}
      aria-disabled={!card.to}
      data-testid={`card-${card.id}`}
      style={{ height: "100%" }}
    >
      <Card.Meta
        avatar={<span style={{ fontSize: 28, color: card.to ? "#1d4ed8" : "#94a3b8" }}>{card.icon}</span>}
        title={
          <span>
            {t(card.title)}{" "}
            {card.to ? <Tag color="blue">{t("open")}</Tag> : <Tag data-testid="coming-soon">{t("comingSoon")}</Tag>}
          </span>
        }
        description={t(card.description)}
      />
    </Card>
  );
  return card.to ? <Link to={card.to}>{body}</Link> : body;
}

export function PortalHome() {
  const { t } = useI18n();
  return (
    <>
      <section className="portal-hero">
        <Typography.Title level={2} style={{ color: "#fff", marginTop: 0 }}>
          {t("searchTitle")}
        </Typography.Title>
        <Typography.Paragraph style={{ color: "#dbeafe" }}>{t("heroSubtitle")}</Typography.Paragraph>
        <CodeSearch />
      </section>
      <div className="portal-main">
        <Typography.Title level={4}>{t("sectionsTitle")}</Typography.Title>
        <Row gutter={[16, 16]}>
          {CARDS.map((card) => (
            <Col key={card.id} xs={24} sm={12} lg={8}>
              <ServiceCardView card={card} />
            </Col>
          ))}
        </Row>
      </div>
    </>
  );
}
