import { List, Space, Tag, Typography } from "antd";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";

interface NotifiedMatter {
  caseId: string;
  matterCode: string;
  matterName: string;
  department: string;
  guideVersion: number | null;
  reasons: { zh: string[]; en: string[] };
  promisedWorkingDays: number;
}

/** 告知应办事项 (Art. 14(1)): what the project was told to handle, each with why and its guide version. */
export function RequiredMattersList({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const { data, error, loading } = useApi<{ items: NotifiedMatter[] }>(`/projects/${encodeURIComponent(code)}/matters`);
  return (
    <div data-testid="required-matters" style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{t("declRequiredMatters")}</Typography.Title>
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">
        {data && data.items.length === 0 ? t("declRequiredMattersNone") : t("declRequiredMattersText")}
      </Typography.Paragraph>
      <List
        loading={loading}
        dataSource={data?.items ?? []}
        rowKey="caseId"
        renderItem={(m) => (
          <List.Item data-testid="required-matter">
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{m.matterName}</span>
                  <Tag>{m.department}</Tag>
                  {m.guideVersion !== null && <Tag color="blue">{`v${m.guideVersion}`}</Tag>}
                </Space>
              }
              description={(lang === "en" ? m.reasons.en : m.reasons.zh).join("；")}
            />
          </List.Item>
        )}
      />
    </div>
  );
}
