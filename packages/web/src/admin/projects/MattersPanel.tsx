import { Collapse, Empty, Space, Spin, Tag, Typography } from "antd";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { isDictKey, useI18n } from "../../i18n/index.js";
import { CaseMaterials } from "./MaterialUpload.js";

interface ProjectMatters {
  code: string;
  items: {
    caseId: string;
    matterCode: string;
    matterName: string;
    department: string;
    status: string;
    guideVersion: number | null;
  }[];
}

/**
 * 应办事项 (Art. 14(1)): the matters the project was told, each opening onto its 申请材料. The project unit uploads
 * there; officers in scope read and download. A matter's materials are fetched when it is first opened.
 */
export function MattersPanel({ code }: { code: string }) {
  const { t } = useI18n();
  const matters = useApi<ProjectMatters>(`/projects/${encodeURIComponent(code)}/matters`);
  const status = (s: string) => {
    const key = `matterStatus_${s}`;
    return isDictKey(key) ? t(key) : s;
  };

  return (
    <div data-testid="project-matters">
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("matTitle")}
      </Typography.Title>
      <ErrorAlert error={matters.error} />
      {matters.loading && !matters.data && <Spin />}
      {matters.data?.code === code && matters.data.items.length === 0 && <Empty description={t("matEmpty")} />}
      {matters.data?.code === code && matters.data.items.length > 0 && (
        <Collapse
          size="small"
          items={matters.data.items.map((m) => ({
            key: m.caseId,
            label: (
              <Space wrap data-testid={`matter-${m.matterCode}`}>
                <Typography.Text strong>{m.matterName}</Typography.Text>
                <Typography.Text type="secondary">{m.department}</Typography.Text>
                <Tag color="blue">{status(m.status)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.guideVersion === null ? t("matNoGuide") : t("matGuideVersion", { n: m.guideVersion })}
                </Typography.Text>
              </Space>
            ),
            children: <CaseMaterials caseId={m.caseId} />,
          }))}
        />
      )}
    </div>
  );
}
