import { ReloadOutlined } from "@ant-design/icons";
import { ROLE_LABELS, ROLES } from "@tzxm/shared";
import { Button, Card, Col, Descriptions, Row, Statistic, Table, Tag } from "antd";
import { useApi } from "../../api/hooks.js";
import type { Health, OpsOverview } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { splitUptime } from "../../lib/format.js";

function OkTag({ ok }: { ok: boolean }) {
  const { t } = useI18n();
  return ok ? <Tag color="green">{t("ok")}</Tag> : <Tag color="red">{t("notOk")}</Tag>;
}

/** 运行状态 (construction and operations department, Art. 9): is the platform up and keeping its trail? */
export function OperationsPage() {
  const { t, pick } = useI18n();
  const health = useApi<Health>("/api/health");
  const overview = useApi<OpsOverview>("/ops/overview");
  const o = overview.data;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          title={t("opsHealth")}
          extra={<Button size="small" icon={<ReloadOutlined />} onClick={() => { health.reload(); overview.reload(); }}>{t("refresh")}</Button>}
          data-testid="ops-health"
        >
          <ErrorAlert error={health.error} />
          {health.data && (
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: "status", label: t("opsStatus"), children: <OkTag ok={health.data.status === "ok"} /> },
                { key: "db", label: t("opsDatabase"), children: <OkTag ok={health.data.database === "ok"} /> },
                { key: "version", label: t("version"), children: health.data.version },
              ]}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title={t("menu_operations")} data-testid="ops-overview" loading={overview.loading && !o}>
          <ErrorAlert error={overview.error} />
          {o && (
            <Row gutter={[16, 16]}>
              <Col xs={12} md={8}>
                <Statistic title={t("opsUptime")} value={t("uptimeValue", splitUptime(o.uptimeSeconds))} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t("opsSessions")} value={o.sessionsActive} />
              </Col>
              <Col xs={12} md={8}>
                <Statistic title={t("opsAuditBacklog")} value={o.auditBacklog} />
              </Col>
              <Col span={24}>
                <Descriptions
                  size="small"
                  column={2}
                  items={[
                    { key: "kind", label: t("opsDbKind"), children: o.database.kind },
                    { key: "ok", label: t("opsDatabase"), children: <OkTag ok={o.database.ok} /> },
                  ]}
                />
              </Col>
              <Col span={24}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="role"
                  columns={[
                    { title: t("role"), dataIndex: "label" },
                    { title: t("userCount"), dataIndex: "count", align: "right" },
                  ]}
                  dataSource={ROLES.map((role) => ({ role, label: pick(ROLE_LABELS[role], role), count: o.usersByRole[role] ?? 0 }))}
                />
              </Col>
            </Row>
          )}
        </Card>
      </Col>
    </Row>
  );
}
