import { Button, Card, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { GuideVersions } from "./GuideVersions.js";
import { type MatterGuides, STATUS_COLOR } from "./types.js";

/** 办事指南: the service guides (Art. 8) of the signed-in user's department's matters, with their versions. */
export function GuidesPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: MatterGuides[] }>("/matters");
  const [selected, setSelected] = useState<MatterGuides>();

  const columns: ColumnsType<MatterGuides> = [
    { title: t("guideMatterCode"), dataIndex: "code", render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t("guideMatterName"), dataIndex: "name" },
    {
      title: t("guidePublished"),
      key: "published",
      render: (_, m) => (m.published ? <Tag color={STATUS_COLOR.published}>v{m.published.version}</Tag> : t("guideNone")),
    },
    {
      title: t("guideWorking"),
      key: "working",
      render: (_, m) =>
        m.working ? (
          <Tag color={STATUS_COLOR[m.working.status]}>
            v{m.working.version} {t(`guideStatus_${m.working.status}`)}
          </Tag>
        ) : (
          t("guideNone")
        ),
    },
    {
      title: t("guideVersions"),
      key: "open",
      render: (_, m) => (
        <Button size="small" data-testid={`guide-matter-${m.code}`} onClick={() => setSelected(m)}>
          {t("guideVersions")}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t("menu_guides")}>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Table<MatterGuides>
        rowKey="code"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="guides-matters"
      />
      {selected && <GuideVersions key={selected.code} matter={selected} onChanged={reload} />}
    </Card>
  );
}
