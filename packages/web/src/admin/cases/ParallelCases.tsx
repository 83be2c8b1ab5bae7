import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Col, Empty, Row, Space, Typography } from "antd";
import { buildUrl } from "../../api/client.js";
import { useCaseLabels } from "../../i18n/case-labels.js";
import { useI18n } from "../../i18n/index.js";
import { CaseClockLine, StatusTag } from "./CaseLight.js";
import type { CaseSummary, ProjectCases } from "./types.js";

/** Project states in which the completion notice exists (the server's NOTICE_STATES). */
const NOTICE_STATES = ["approved", "under_construction", "completed"];

function CaseCard({ item, onOpen }: { item: CaseSummary; onOpen?: ((caseId: string) => void) | undefined }) {
  const { t } = useI18n();
  const labels = useCaseLabels();
  const title = onOpen ? (
    <Typography.Link onClick={() => onOpen(item.caseId)} data-testid={`parallel-open-${item.matterCode}`}>
      {item.matterName}
    </Typography.Link>
  ) : (
    item.matterName
  );
  return (
    <Card size="small" data-testid={`parallel-case-${item.matterCode}`} data-status={item.status} style={{ marginBottom: 8 }}>
      <Space orientation="vertical" size={4} style={{ width: "100%" }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.matterCode} · {item.department}
        </Typography.Text>
        <Space size={4} wrap>
          <StatusTag status={item.status} />
          {item.result && <Typography.Text style={{ fontSize: 12 }}>{labels.result(item.result)}</Typography.Text>}
        </Space>
        <CaseClockLine item={item} />
        {item.documentNumber && (
          <Typography.Text style={{ fontSize: 12 }} data-testid="parallel-document-number">
            {t("matterDocumentNumber")}: {item.documentNumber}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

/**
 * 并联审批 (Art. 14): every matter of a project side by side, one column per approval stage, each with its state
 * and clock. Departments and supervisors see it in the project drawer; the unit sees the same in 我的项目.
 */
export function ParallelCases({ view, projectStatus, onOpen }: { view: ProjectCases; projectStatus?: string; onOpen?: (caseId: string) => void }) {
  const { t } = useI18n();
  const labels = useCaseLabels();
  const all = view.stages.flatMap((s) => s.items);
  const done = all.filter((c) => c.status === "completed").length;
  const notice =
    projectStatus && NOTICE_STATES.includes(projectStatus) ? (
      <Button type="primary" icon={<DownloadOutlined />} href={buildUrl(`/projects/${encodeURIComponent(view.code)}/completion-notice.pdf`)} data-testid="completion-notice">
        {t("caseCompletionNotice")}
      </Button>
    ) : null;
  return (
    <div data-testid="parallel-cases">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 8 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("caseParallelTitle")}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary" data-testid="parallel-progress">
            {t("caseParallelProgress", { done, total: all.length })}
          </Typography.Text>
          {notice}
        </Space>
      </Space>
      {all.length === 0 && <Empty description={t("caseParallelEmpty")} />}
      <Row gutter={[12, 12]} wrap>
        {view.stages.map((s) => (
          <Col key={s.stage} xs={24} md={12} xl={Math.max(6, Math.floor(24 / view.stages.length))} data-testid={`parallel-stage-${s.stage}`}>
            <Typography.Text strong style={{ display: "block", marginBottom: 8 }}>
              {labels.stage(s.stage)}
            </Typography.Text>
            {s.items.map((item) => (
              <CaseCard key={item.caseId} item={item} onOpen={onOpen} />
            ))}
          </Col>
        ))}
      </Row>
    </div>
  );
}
