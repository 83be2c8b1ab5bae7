import { Card, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { CardDrawer, LevelTag } from "./CardDrawer.js";
import type { CardPage, SupervisionCard } from "./types.js";

/** 黄牌/红牌: red first, open before explained before closed; a row opens the card and its case. */
export function CardList({ onChanged }: { onChanged: () => void }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState("open,acknowledged");
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const cards = useApi<CardPage>("/e-supervision/cards", { status: status || undefined, limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  const [opened, setOpened] = useState<SupervisionCard | null>(null);

  const columns: ColumnsType<SupervisionCard> = [
    { title: t("esLevel"), dataIndex: "level", width: 80, render: (level: SupervisionCard["level"]) => <LevelTag level={level} /> },
    {
      title: t("esRule"),
      key: "rule",
      render: (_, k) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => setOpened(k)} data-testid={`es-card-open-${k.id}`} data-case={k.caseId} data-level={k.level}>
            {lang === "en" ? k.ruleNameEn : k.ruleName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {lang === "en" ? k.evidence.summaryEn : k.evidence.summary}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t("caseProject"),
      key: "project",
      render: (_, k) => (
        <Space orientation="vertical" size={0}>
          <span>{k.matterName}</span>
          <Typography.Text code style={{ fontSize: 12 }}>
            {k.projectCode}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t("matterDepartment"), dataIndex: "department" },
    { title: t("esCardStatus"), dataIndex: "status", render: (s: SupervisionCard["status"]) => t(`esCardStatus_${s}`) },
    { title: t("esRaisedAt"), dataIndex: "raisedAt", render: (v: string) => formatInstant(v) },
  ];

  return (
    <Card
      title={t("esCards")}
      size="small"
      data-testid="es-cards"
      extra={
        <Select
          size="small"
          style={{ width: 160 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: "open,acknowledged", label: t("esNotClosed") },
            { value: "open", label: t("esCardStatus_open") },
            { value: "closed", label: t("esCardStatus_closed") },
            { value: "", label: t("esAllCards") },
          ]}
          data-testid="es-cards-status"
        />
      }
    >
      <ErrorAlert error={cards.error} />
      <Table<SupervisionCard>
        rowKey="id"
        size="small"
        loading={cards.loading}
        columns={columns}
        dataSource={cards.data?.items ?? []}
        onRow={(k) => ({ onClick: () => setOpened(k), style: { cursor: "pointer" } })}
        pagination={listPagination(page, cards.data?.total ?? 0, (next) => setPage(next), t)}
      />
      <CardDrawer
        card={opened}
        onClose={() => setOpened(null)}
        onChanged={(next) => {
          setOpened(next);
          cards.reload();
          onChanged();
        }}
      />
    </Card>
  );
}
