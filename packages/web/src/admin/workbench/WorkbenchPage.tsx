import { ROLE_LABELS } from "@tzxm/shared";
import { Card, Col, Descriptions, Row, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useApi } from "../../api/hooks.js";
import type { OpsOverview } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSpin } from "../../components/Status.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { useKindLabel } from "../../i18n/labels.js";
import { formatInstant } from "../../lib/format.js";

// ECharts (~1 MB) loads only for users who see the chart.
const UsersByRoleChart = lazy(async () => ({ default: (await import("./UsersByRoleChart.js")).UsersByRoleChart }));

function OpsChart() {
  const { t } = useI18n();
  const { data, error } = useApi<OpsOverview>("/ops/overview");
  return (
    <Card title={t("usersByRoleTitle")} data-testid="users-by-role">
      <ErrorAlert error={error} />
      {data && (
        <Suspense fallback={<PageSpin />}>
          <UsersByRoleChart usersByRole={data.usersByRole} />
        </Suspense>
      )}
    </Card>
  );
}

export function WorkbenchPage() {
  const { t, pick } = useI18n();
  const { user, can } = useSession();
  const kindLabel = useKindLabel();
  if (!user) return null;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card data-testid="welcome-card">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t("welcome", { name: user.displayName })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t("workbenchIntro")}</Typography.Paragraph>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: "org", label: t("organisation"), children: user.organisation.name },
              { key: "kind", label: t("orgKind"), children: kindLabel(user.organisation.kind) },
              { key: "role", label: t("role"), children: pick(ROLE_LABELS[user.role], user.role) },
              {
                key: "region",
                label: t("region"),
                children: `${user.organisation.regionName} (${user.organisation.regionCode})`,
              },
              { key: "last", label: t("lastSignIn"), children: formatInstant(user.lastSignInAt) },
              { key: "username", label: t("username"), children: user.username },
            ]}
          />
        </Card>
      </Col>
      {can("ops:read") && (
        <Col xs={24} xl={16}>
          <OpsChart />
        </Col>
      )}
    </Row>
  );
}
