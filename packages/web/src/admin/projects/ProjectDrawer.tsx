import { DownloadOutlined } from "@ant-design/icons";
import { Button, Descriptions, Drawer, Empty, Spin, Tag, Timeline, Tooltip, Typography } from "antd";
import { useState } from "react";
import { buildUrl } from "../../api/client.js";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { AUDIT_TYPE_LABELS } from "../../i18n/audit-types.js";
import { isDictKey, useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import type { ProjectVersions } from "./changes/change-kinds.js";
import { ProjectChangeActions } from "./changes/ProjectChangeActions.js";
import { VersionHistory } from "./changes/VersionHistory.js";
import { ReevaluateAction } from "../catalogue/ReevaluateDialog.js";
import { MattersPanel } from "./MattersPanel.js";
import { ImplementationPanel } from "./ImplementationPanel.js";
import { SupervisionPanel } from "./SupervisionPanel.js";
import type { ProjectEvents, ProjectListItem, ProjectRecord } from "./types.js";

/** One project: its record and every event recorded under its code, oldest first (traces, Art. 4 and 10). */
export function ProjectDrawer({ item, onClose, onChanged }: { item: ProjectListItem | null; onClose: () => void; onChanged?: () => void }) {
  const { t, pick } = useI18n();
  // A predecessor or successor opened from within the drawer (major changes link codes both ways).
  const [moved, setMoved] = useState<{ from: string; to: string } | null>(null);
  const code = item ? (moved?.from === item.code ? moved.to : item.code) : null;
  const path = code ? `/projects/${encodeURIComponent(code)}` : null;
  const record = useApi<ProjectRecord>(path);
  const events = useApi<ProjectEvents>(path && `${path}/events`);
  const versions = useApi<ProjectVersions>(path && `${path}/versions`);
  const p = record.data?.code === code ? record.data : undefined;
  const openCode = (to: string) => {
    if (item) setMoved({ from: item.code, to });
  };
  const close = () => {
    setMoved(null);
    onClose();
  };
  const changed = () => {
    record.reload();
    events.reload();
    versions.reload();
    onChanged?.();
  };
  const codeLink = (to: string, testId: string) => (
    <Typography.Link onClick={() => openCode(to)} data-testid={testId}>
      <Typography.Text code>{to}</Typography.Text>
    </Typography.Link>
  );
  const label = (key: string, fallback: string) => (isDictKey(key) ? t(key) : fallback);
  // 备案证明 (Art. 40): only a filed 备案 project has one. A plain GET link; the download is recorded as an event,
  // so the timeline is read again a moment later.
  const certificate =
    p && p.approvalCategory === "filing" && p.status === "filed" ? (
      <Tooltip title={t("projFilingCertificateHint")}>
        <Button
          icon={<DownloadOutlined />}
          href={buildUrl(`${path}/filing-certificate.pdf`)}
          onClick={() => window.setTimeout(events.reload, 1500)}
          data-testid="project-filing-certificate"
        >
          {t("projFilingCertificate")}
        </Button>
      </Tooltip>
    ) : null;

  return (
    <Drawer open={code !== null} onClose={close} size="large" title={t("projDetailTitle")} extra={certificate} destroyOnHidden>
      <div data-testid="project-drawer">
        <ErrorAlert error={record.error ?? events.error ?? versions.error} style={{ marginBottom: 16 }} />
        {record.loading && !p && <Spin />}
        {p && <ProjectChangeActions project={p} onChanged={changed} onOpen={openCode} />}
        {p && <ReevaluateAction code={p.code} onDone={changed} />}
        {p && (
          <Descriptions
            column={1}
            size="small"
            bordered
            data-testid="project-record"
            items={[
              { key: "code", label: t("codeField"), children: <Typography.Text code copyable>{p.code}</Typography.Text> },
              ...(p.legacyCode ? [{ key: "legacy", label: t("projLegacyCode"), children: p.legacyCode }] : []),
              { key: "name", label: t("projectName"), children: p.name },
              { key: "status", label: t("projectStatus"), children: <Tag color="blue">{label(`status_${p.status}`, p.status)}</Tag> },
              { key: "category", label: t("approvalCategory"), children: label(`category_${p.approvalCategory}`, p.approvalCategory) },
              { key: "unit", label: t("projectUnit"), children: p.unit.name },
              { key: "credit", label: t("creditCode"), children: p.unit.creditCode ?? "—" },
              { key: "region", label: t("projectRegion"), children: item?.code === p.code ? `${item.regionName}（${p.regionCode}）` : p.regionCode },
              { key: "type", label: t("projProjectType"), children: p.projectType },
              { key: "dept", label: t("projCentralDepartment"), children: p.centralDepartmentCode },
              ...(p.predecessorCode ? [{ key: "pred", label: t("projPredecessor"), children: codeLink(p.predecessorCode, "project-link-predecessor") }] : []),
              ...(p.successorCode ? [{ key: "succ", label: t("projSuccessor"), children: codeLink(p.successorCode, "project-link-successor") }] : []),
              { key: "version", label: t("projVersion"), children: p.version },
              { key: "declared", label: t("projDeclaredAt"), children: formatInstant(p.declaredAt) },
              { key: "updated", label: t("projUpdatedAt"), children: formatInstant(p.updatedAt) },
            ]}
          />
        )}
        {p && <MattersPanel code={p.code} projectStatus={p.status} />}
        {p && <ImplementationPanel code={p.code} onChanged={changed} />}
        {p && <SupervisionPanel code={p.code} onChanged={events.reload} />}
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t("chgVersions")}
        </Typography.Title>
        {versions.loading && !versions.data && <Spin />}
        {versions.data?.code === code && <VersionHistory versions={versions.data} />}
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t("projTimeline")}
        </Typography.Title>
        {events.loading && !events.data && <Spin />}
        {events.data?.code === code && events.data.items.length === 0 && <Empty description={t("projTimelineEmpty")} />}
        {events.data?.code === code && events.data.items.length > 0 && (
          <div data-testid="project-timeline">
            <Timeline
              items={events.data.items.map((e) => ({
                key: e.seq,
                content: (
                  <div data-testid="project-event">
                    <Typography.Text strong>{pick(AUDIT_TYPE_LABELS[e.type], e.type)}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">
                        {formatInstant(e.occurredAt)} · {t("projActor")}: {e.actor}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              }))}
            />
          </div>
        )}
      </div>
    </Drawer>
  );
}
