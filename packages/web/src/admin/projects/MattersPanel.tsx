import { RollbackOutlined, SendOutlined } from "@ant-design/icons";
import { App, Button, Collapse, Empty, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { isDictKey, useI18n } from "../../i18n/index.js";
import { CaseDrawer } from "../cases/CaseDrawer.js";
import { CaseClockLine } from "../cases/CaseLight.js";
import { CaseDocumentLink } from "../cases/DocumentPanel.js";
import { ParallelCases } from "../cases/ParallelCases.js";
import type { CaseSummary, ProjectCases } from "../cases/types.js";
import { WithdrawDialog } from "../cases/WithdrawDialog.js";
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
 * 应办事项 (Art. 14(1)): the matters the project was told, side by side by stage (并联审批) with their clocks, then
 * each opening onto its 申请材料. The project unit uploads there and submits (提交申请); officers in scope read
 * and download, and open their own department's cases.
 */
export function MattersPanel({ code, projectStatus }: { code: string; projectStatus?: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const matters = useApi<ProjectMatters>(`/projects/${encodeURIComponent(code)}/matters`);
  const cases = useApi<ProjectCases>(`/projects/${encodeURIComponent(code)}/cases`);
  const [submitting, setSubmitting] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<{ caseId: string; error: ApiError }>();
  const [opened, setOpened] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState<{ caseId: string; matterName: string } | null>(null);
  const summaries = new Map<string, CaseSummary>((cases.data?.code === code ? cases.data.stages.flatMap((s) => s.items) : []).map((c) => [c.caseId, c]));
  const status = (s: string) => {
    const key = `matterStatus_${s}`;
    return isDictKey(key) ? t(key) : s;
  };
  const reload = () => {
    matters.reload();
    cases.reload();
  };

  // 提交申请: the server checks the required materials and answers MATERIALS_INCOMPLETE with each missing one.
  async function submit(caseId: string, matterName: string) {
    setSubmitting(caseId);
    setSubmitError(undefined);
    try {
      await api(`/cases/${encodeURIComponent(caseId)}/submission`, { method: "POST" });
      message.success(t("caseSubmitted", { matter: matterName }));
      reload();
    } catch (cause) {
      const error = asApiError(cause);
      if (error) setSubmitError({ caseId, error });
    } finally {
      setSubmitting(null);
    }
  }

  return (
    <div data-testid="project-matters">
      {cases.data?.code === code && (
        <div style={{ marginTop: 24 }}>
          <ParallelCases view={cases.data} {...(projectStatus ? { projectStatus } : {})} {...(can("cases:handle") ? { onOpen: setOpened } : {})} />
        </div>
      )}
      <ErrorAlert error={cases.error} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("matTitle")}
      </Typography.Title>
      <ErrorAlert error={matters.error} />
      {submitError && (
        <div data-testid="submission-error" style={{ marginBottom: 8 }}>
          <Typography.Text strong>{matters.data?.items.find((m) => m.caseId === submitError.caseId)?.matterName}</Typography.Text>
          <ErrorAlert error={submitError.error} />
        </div>
      )}
      {matters.loading && !matters.data && <Spin />}
      {matters.data?.code === code && matters.data.items.length === 0 && <Empty description={t("matEmpty")} />}
      {matters.data?.code === code && matters.data.items.length > 0 && (
        <Collapse
          size="small"
          items={matters.data.items.map((m) => {
            const c = summaries.get(m.caseId);
            return {
              key: m.caseId,
              label: (
                <Space wrap data-testid={`matter-${m.matterCode}`} data-status={c?.status ?? m.status}>
                  <Typography.Text strong>{m.matterName}</Typography.Text>
                  <Typography.Text type="secondary">{m.department}</Typography.Text>
                  <Tag color="blue">{status(c?.status ?? m.status)}</Tag>
                  {c && <CaseClockLine item={c} />}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.guideVersion === null ? t("matNoGuide") : t("matGuideVersion", { n: m.guideVersion })}
                  </Typography.Text>
                </Space>
              ),
              extra: (
                <Space size={4} wrap>
                  {c?.status === "completed" && <CaseDocumentLink caseId={m.caseId} />}
                  {c?.allowedSteps.includes("submit") && (
                    <Button
                      size="small"
                      type="primary"
                      icon={<SendOutlined />}
                      loading={submitting === m.caseId}
                      onClick={(e) => {
                        e.stopPropagation();
                        void submit(m.caseId, m.matterName);
                      }}
                      data-testid={`matter-submit-${m.matterCode}`}
                    >
                      {t("caseSubmit")}
                    </Button>
                  )}
                  {/* 撤回申请 is the unit's; a department withdraws in the case drawer. */}
                  {c?.allowedSteps.includes("withdraw") && can("projects:declare") && (
                    <Button
                      size="small"
                      danger
                      icon={<RollbackOutlined />}
                      onClick={(e) => {
                        e.stopPropagation();
                        setWithdrawing({ caseId: m.caseId, matterName: m.matterName });
                      }}
                      data-testid={`matter-withdraw-${m.matterCode}`}
                    >
                      {t("caseWithdraw")}
                    </Button>
                  )}
                </Space>
              ),
              children: <CaseMaterials caseId={m.caseId} />,
            };
          })}
        />
      )}
      {withdrawing && (
        <WithdrawDialog
          {...withdrawing}
          onClose={() => setWithdrawing(null)}
          onDone={() => {
            setWithdrawing(null);
            reload();
          }}
        />
      )}
      {can("cases:handle") && <CaseDrawer caseId={opened} onClose={() => setOpened(null)} onChanged={reload} />}
    </div>
  );
}
