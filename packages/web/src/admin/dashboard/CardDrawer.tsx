import { App, Button, Descriptions, Drawer, Input, Space, Spin, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { useCaseLabels } from "../../i18n/case-labels.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import type { SupervisionCard } from "./types.js";

/** GET /cases/:caseId, the parts the supervisor reads. */
interface CaseRecord {
  caseId: string;
  projectCode: string;
  projectName: string;
  matterCode: string;
  matterName: string;
  department: string;
  status: string;
  acceptedOn?: string;
  completedOn?: string;
  clock: { dueDate: string | null; usedWorkingDays: number; remainingWorkingDays: number; overdue: boolean; warning: string; limitUnit: string };
  events: { seq: number; type: string; at: string; actor: string; details: Record<string, unknown> }[];
}

export function LevelTag({ level }: { level: "yellow" | "red" }) {
  const { t } = useI18n();
  return (
    <Tag color={level === "red" ? "red" : "gold"} data-testid={`es-level-${level}`}>
      {t(level === "red" ? "esRedCard" : "esYellowCard")}
    </Tag>
  );
}

/** 监察牌详情: the card with its evidence and the department's explanation, and the case it was raised on. */
export function CardDrawer({ card, onClose, onChanged }: { card: SupervisionCard | null; onClose: () => void; onChanged: (next: SupervisionCard) => void }) {
  const { t, lang } = useI18n();
  const { user, can } = useSession();
  const labels = useCaseLabels();
  const { message } = App.useApp();
  const record = useApi<CaseRecord>(card ? `/cases/${encodeURIComponent(card.caseId)}` : null);
  const [text, setText] = useState("");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const own = card !== null && String(user?.organisation.id) === String(card.departmentId) && can("cases:handle");

  const act = async (path: "acknowledgement" | "closing", body: Record<string, string>, done: string) => {
    if (!card) return;
    setBusy(true);
    setError(undefined);
    try {
      const next = await api<SupervisionCard>(`/e-supervision/cards/${card.id}/${path}`, { method: "POST", body });
      setText("");
      message.success(done);
      onChanged(next);
    } catch (cause) {
      setError(asApiError(cause));
    } finally {
      setBusy(false);
    }
  };

  const c = record.data?.caseId === card?.caseId ? record.data : undefined;
  return (
    <Drawer open={card !== null} onClose={onClose} size="large" title={t("esCardDetail")} destroyOnHidden>
      {card && (
        <div data-testid="es-card-drawer" data-card={card.id}>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: "rule", label: t("esRule"), children: <Space><LevelTag level={card.level} />{lang === "en" ? card.ruleNameEn : card.ruleName}</Space> },
              { key: "summary", label: t("esEvidence"), children: <span data-testid="es-card-summary">{lang === "en" ? card.evidence.summaryEn : card.evidence.summary}</span> },
              { key: "raised", label: t("esRaisedAt"), children: formatInstant(card.raisedAt) },
              { key: "status", label: t("esCardStatus"), children: t(`esCardStatus_${card.status}`) },
              ...(card.explanation ? [{ key: "exp", label: t("esExplanation"), children: card.explanation }] : []),
              ...(card.closingNote ? [{ key: "note", label: t("esClosingNote"), children: card.closingNote }] : []),
              ...(card.evidence.fees?.length
                ? [{ key: "fees", label: t("esFees"), children: card.evidence.fees.map((f) => `${f.item} ${f.amount} ${t("esYuan")}（${formatInstant(f.at)}）`).join("；") }]
                : []),
            ]}
          />
          {card.evidence.steps.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }} data-testid="es-card-steps">
              {card.evidence.steps.map((s) => `${labels.step(s.type)} ${s.on}${s.recordedAt.slice(0, 10) !== s.at.slice(0, 10) ? `（${t("esRecordedOn")} ${formatInstant(s.recordedAt)}）` : ""}`).join(" → ")}
            </Typography.Paragraph>
          )}
          <ErrorAlert error={error} style={{ marginTop: 12 }} />
          {card.status === "open" && own && (
            <Space.Compact style={{ width: "100%", marginTop: 12 }}>
              <Input value={text} onChange={(e) => setText(e.target.value)} placeholder={t("esExplanationPlaceholder")} data-testid="es-explanation" />
              <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => act("acknowledgement", { explanation: text }, t("esExplained"))} data-testid="es-acknowledge">
                {t("esAcknowledge")}
              </Button>
            </Space.Compact>
          )}
          {card.status !== "closed" && can("supervision:rules") && (
            <Space.Compact style={{ width: "100%", marginTop: 12 }}>
              <Input value={text} onChange={(e) => setText(e.target.value)} placeholder={t("esClosingPlaceholder")} data-testid="es-closing-note" />
              <Button loading={busy} disabled={!text.trim()} onClick={() => act("closing", { note: text }, t("esClosed"))} data-testid="es-close">
                {t("esClose")}
              </Button>
            </Space.Compact>
          )}

          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t("esTheCase")}
          </Typography.Title>
          <ErrorAlert error={record.error} />
          {record.loading && !c && <Spin />}
          {c && (
            <div data-testid="es-case" data-case={c.caseId}>
              <Descriptions
                column={1}
                size="small"
                bordered
                items={[
                  { key: "project", label: t("caseProject"), children: <span data-testid="es-case-project">{`${c.projectName}（${c.projectCode}）`}</span> },
                  { key: "matter", label: t("matterName"), children: `${c.matterName}（${c.matterCode}）` },
                  { key: "dept", label: t("matterDepartment"), children: c.department },
                  { key: "status", label: t("matterStatus"), children: <span data-testid="es-case-status">{labels.status(c.status)}</span> },
                  { key: "due", label: t("esDueDate"), children: `${c.clock.dueDate ?? "—"}${c.clock.overdue ? `（${t("esOverdue")}）` : ""}` },
                  { key: "used", label: t("esUsedDays"), children: String(c.clock.usedWorkingDays) },
                  ...(c.acceptedOn ? [{ key: "acc", label: t("matterAcceptedOn"), children: c.acceptedOn }] : []),
                  ...(c.completedOn ? [{ key: "cmp", label: t("matterCompletedOn"), children: c.completedOn }] : []),
                ]}
              />
              <Timeline
                style={{ marginTop: 16 }}
                items={c.events.map((e) => ({
                  key: e.seq,
                  content: (
                    <div data-testid="es-case-event" data-type={e.type}>
                      <Typography.Text strong>{labels.step(e.type)}</Typography.Text>{" "}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatInstant(e.at)} · {e.actor}
                      </Typography.Text>
                      {typeof e.details.reason === "string" && <div style={{ fontSize: 12 }}>{e.details.reason}</div>}
                    </div>
                  ),
                }))}
              />
            </div>
          )}
        </div>
      )}
    </Drawer>
  );
}
