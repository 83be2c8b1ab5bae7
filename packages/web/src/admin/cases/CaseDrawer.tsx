import type { CaseEventType } from "@tzxm/shared";
import { Button, Descriptions, Drawer, Space, Spin, Timeline, Typography } from "antd";
import { useEffect, useState } from "react";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useCaseLabels } from "../../i18n/case-labels.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { CaseClockLine, StatusTag } from "./CaseLight.js";
import { CaseCommissions } from "./CaseCommissions.js";
import { ClockDays } from "./ClockDays.js";
import { DocumentPanel } from "./DocumentPanel.js";
import { SignOffPanel } from "./SignOffPanel.js";
import { StepForm } from "./StepForm.js";
import type { CaseClock, CaseEvent, CaseView } from "./types.js";

/** A step's details as one line (reason, pause class, document number …). */
function EventDetails({ e }: { e: CaseEvent }) {
  const { t } = useI18n();
  const labels = useCaseLabels();
  const d = e.details;
  const parts: string[] = [];
  if (typeof d.reasonClass === "string") parts.push(labels.pause(d.reasonClass));
  if (typeof d.reason === "string") parts.push(`${t("caseReason")}: ${d.reason}`);
  if (typeof d.expectedWorkingDays === "number") parts.push(t("caseExpectedDaysN", { n: d.expectedWorkingDays }));
  if (typeof d.workingDays === "number") parts.push(t("caseExtendedBy", { n: d.workingDays }));
  if (typeof d.result === "string") parts.push(labels.result(d.result));
  if (typeof d.documentNumber === "string") parts.push(`${t("matterDocumentNumber")}: ${d.documentNumber}`);
  if (typeof d.toDepartment === "string") parts.push(`→ ${d.toDepartment}`);
  if (typeof d.toOfficer === "string") parts.push(`→ ${d.toOfficer}`);
  return parts.length ? <div style={{ fontSize: 12 }}>{parts.join(" · ")}</div> : null;
}

function limitText(c: CaseClock, t: ReturnType<typeof useI18n>["t"]): string {
  const statutory =
    c.statutoryWorkingDays !== null
      ? t("caseNWorkingDays", { n: c.statutoryWorkingDays })
      : c.statutoryCalendarDays !== null
        ? t("caseNCalendarDays", { n: c.statutoryCalendarDays })
        : t("caseNoStatutory");
  const extended = c.extendedWorkingDays > 0 ? ` + ${t("caseExtendedBy", { n: c.extendedWorkingDays })}` : "";
  return `${t("caseStatutory")} ${statutory}${extended}；${t("casePromised")} ${t("caseNWorkingDays", { n: c.promisedWorkingDays })}`;
}

/** 办件详情: the case, the steps the signed-in officer may take now, its timeline and its clock explained. */
export function CaseDrawer({ caseId, onClose, onChanged }: { caseId: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const labels = useCaseLabels();
  const loaded = useApi<CaseView>(caseId ? `/cases/${encodeURIComponent(caseId)}` : null);
  const [view, setView] = useState<CaseView>();
  const [step, setStep] = useState<CaseEventType | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => setView(loaded.data), [loaded.data]);
  const v = view?.caseId === caseId ? view : undefined;

  const done = (next: CaseView) => {
    setStep(null);
    setView(next);
    setVersion((n) => n + 1);
    onChanged();
  };
  // Changes made beside the steps (批文, a commission) answer no case view: read the case again.
  const refresh = () => {
    loaded.reload();
    setVersion((n) => n + 1);
    onChanged();
  };
  // Where the matter asks for 会签/或签, completion goes through a sign-off round instead of 办结.
  const steps = v ? v.allowedSteps.filter((s) => s !== "complete" || v.signOffMode === "none") : [];

  return (
    <Drawer open={caseId !== null} onClose={onClose} size="large" title={t("caseDetailTitle")} destroyOnHidden>
      <div data-testid="case-drawer" data-status={v?.status}>
        <ErrorAlert error={loaded.error} />
        {loaded.loading && !v && <Spin />}
        {v && (
          <>
            <Space wrap style={{ marginBottom: 16 }} data-testid="case-steps">
              {v.allowedSteps.length === 0 && <Typography.Text type="secondary">{t("caseNoSteps")}</Typography.Text>}
              {steps.map((s) => (
                <Button key={s} type={s === "accept" || s === "complete" ? "primary" : "default"} danger={s === "refuse" || s === "withdraw"} onClick={() => setStep(s)} data-testid={`case-step-${s}`}>
                  {labels.step(s)}
                </Button>
              ))}
            </Space>
            {v.signOffMode !== "none" && <SignOffPanel view={v} version={version} onCaseChanged={done} />}
            <Descriptions
              column={1}
              size="small"
              bordered
              data-testid="case-record"
              items={[
                { key: "project", label: t("caseProject"), children: `${v.projectName}（${v.projectCode}）` },
                { key: "matter", label: t("matterName"), children: `${v.matterName}（${v.matterCode}）` },
                { key: "stage", label: t("catStage"), children: labels.stage(v.stage) },
                { key: "dept", label: t("matterDepartment"), children: v.department },
                { key: "status", label: t("matterStatus"), children: <StatusTag status={v.status} /> },
                { key: "limits", label: t("caseLimits"), children: limitText(v.clock, t) },
                { key: "clock", label: t("caseClock"), children: <CaseClockLine item={v} /> },
                ...(v.acceptedOn ? [{ key: "acc", label: t("matterAcceptedOn"), children: v.acceptedOn }] : []),
                ...(v.completedOn ? [{ key: "cmp", label: t("matterCompletedOn"), children: v.completedOn }] : []),
                ...(v.result ? [{ key: "res", label: t("matterResult"), children: labels.result(v.result) }] : []),
                ...(v.documentNumber ? [{ key: "doc", label: t("matterDocumentNumber"), children: <span data-testid="case-document-number">{v.documentNumber}</span> }] : []),
                ...(v.documentTitle ? [{ key: "title", label: t("matterDocumentTitle"), children: v.documentTitle }] : []),
                ...(v.opinion ? [{ key: "op", label: t("caseOpinion"), children: v.opinion }] : []),
              ]}
            />
            <DocumentPanel view={v} onChanged={refresh} />
            <CaseCommissions view={v} version={version} onChanged={refresh} />
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              {t("caseClockExplained")}
            </Typography.Title>
            <ClockDays caseId={v.caseId} version={version} />
            <Typography.Title level={5} style={{ marginTop: 24 }}>
              {t("caseTimeline")}
            </Typography.Title>
            {v.events.length === 0 && <Typography.Text type="secondary">{t("caseNoEvents")}</Typography.Text>}
            <Timeline
              data-testid="case-timeline"
              items={v.events.map((e) => ({
                key: e.seq,
                content: (
                  <div data-testid="case-event" data-type={e.type}>
                    <Typography.Text strong>{labels.step(e.type)}</Typography.Text> <StatusTag status={e.statusAfter} />
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatInstant(e.at)} · {e.actor}
                      </Typography.Text>
                    </div>
                    <EventDetails e={e} />
                  </div>
                ),
              }))}
            />
            <StepForm view={v} step={step} onClose={() => setStep(null)} onDone={done} />
          </>
        )}
      </div>
    </Drawer>
  );
}
