import { App, Button, type ButtonProps, Card, Descriptions, Form, Input, List, Modal, Select, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { applyFieldErrors } from "../../api/form-errors.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { useCaseLabels } from "../../i18n/case-labels.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { DecisionFields } from "./StepForm.js";
import type { CaseView, Colleague, ProposedDecision, SignOffRound } from "./types.js";

const STATUS_COLOUR = { open: "processing", approved: "success", rejected: "error" } as const;
const REQUEST_FIELDS = ["signerIds", "result", "opinion", "documentNumber", "documentTitle"];

/** 发起会签/或签: the decision to propose and the colleagues asked to sign it. */
function RequestForm({ view, onClose, onDone }: { view: CaseView; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [unmatched, setUnmatched] = useState<ApiError["fields"]>();
  const colleagues = useApi<{ items: Colleague[] }>(`/cases/${encodeURIComponent(view.caseId)}/colleagues`);
  const mode = view.signOffMode === "any" ? "any" : "all";

  async function submit() {
    const values = (await form.validateFields().catch(() => null)) as (ProposedDecision & { signerIds: number[] }) | null;
    if (!values) return;
    const { signerIds, ...decision } = values;
    setBusy(true);
    setError(undefined);
    try {
      await api(`/cases/${encodeURIComponent(view.caseId)}/sign-off`, { method: "POST", body: { signerIds, decision } });
      onDone();
    } catch (cause) {
      const e = asApiError(cause);
      if (e) {
        setUnmatched(applyFieldErrors(form, e, lang, (path) => REQUEST_FIELDS.includes(path.replace(/^decision\./, ""))));
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={`${t(`soRequest_${mode}`)} · ${view.matterName}`}
      okText={t(`soRequest_${mode}`)}
      cancelText={t("cancel")}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ loading: busy, "data-testid": "sign-off-submit" } as ButtonProps}
      destroyOnHidden
    >
      <div data-testid="sign-off-form">
        <Typography.Paragraph type="secondary">{t(`soHint_${mode}`)}</Typography.Paragraph>
        <ErrorAlert error={colleagues.error ?? error} fields={error ? unmatched : undefined} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical">
          <DecisionFields />
          <Form.Item name="signerIds" label={t("soSigners")} rules={[{ required: true, message: t("soSignersRequired") }]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: "label" }}
              loading={colleagues.loading}
              options={(colleagues.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${t(`caseRole_${c.role}`)}）` }))}
              data-testid="sign-off-signers"
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

/** 签署: the signed-in signer's 同意 / 不同意, with an optional comment. */
function SignDialog({ caseId, decision, onClose, onDone }: { caseId: string; decision: "approve" | "reject"; onClose: () => void; onDone: (answer: SignAnswer) => void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const label = decision === "approve" ? t("soApprove") : t("soReject");

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      const body = { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) };
      onDone(await api<SignAnswer>(`/cases/${encodeURIComponent(caseId)}/sign-off/decision`, { method: "POST", body }));
    } catch (cause) {
      setError(asApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t("soSignTitle", { decision: label })}
      okText={label}
      okButtonProps={{ loading: busy, danger: decision === "reject", "data-testid": "sign-off-confirm" } as ButtonProps}
      cancelText={t("cancel")}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t("soComment")} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="sign-off-comment" />
    </Modal>
  );
}

interface SignAnswer {
  outcome: "open" | "approved" | "rejected";
  signOff: SignOffRound;
  case: CaseView;
}

/**
 * 会签 / 或签 (where the matter's guide asks for it): instead of 办结 the officer proposes the decision and asks
 * colleagues to sign; the latest round is shown with each signer's decision, and a signer who has not decided
 * signs here. The server completes the case when the round is approved.
 */
export function SignOffPanel({ view, version, onCaseChanged }: { view: CaseView; version: number; onCaseChanged: (next: CaseView) => void }) {
  const { t } = useI18n();
  const labels = useCaseLabels();
  const { user } = useSession();
  const { message } = App.useApp();
  const loaded = useApi<{ signOff: SignOffRound | null }>(`/cases/${encodeURIComponent(view.caseId)}/sign-off`);
  const [requesting, setRequesting] = useState(false);
  const [signing, setSigning] = useState<"approve" | "reject" | null>(null);
  const { reload } = loaded;
  // The case changed elsewhere in the drawer (a step, a completed round): read the round again.
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  const round = loaded.data?.signOff ?? null;
  const mode = view.signOffMode === "any" ? "any" : "all";
  const open = round?.status === "open";
  const me = round?.signers.find((s) => String(s.userId) === String(user?.id));
  const mayRequest = view.allowedSteps.includes("complete") && !open && !loaded.loading;
  const decisionTag = (d: "approve" | "reject" | null) =>
    d === null ? <Tag>{t("soPending")}</Tag> : <Tag color={d === "approve" ? "success" : "error"}>{d === "approve" ? t("soApprove") : t("soReject")}</Tag>;

  const signed = (answer: SignAnswer) => {
    setSigning(null);
    message.success(t("soSigned", { decision: answer.signOff.signers.find((s) => String(s.userId) === String(user?.id))?.decision === "reject" ? t("soReject") : t("soApprove") }));
    // onCaseChanged bumps `version`, whose effect reads the round again.
    onCaseChanged(answer.case);
  };

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={t(`soTitle_${mode}`)}
      data-testid="sign-off-panel"
      data-status={round?.status ?? "none"}
      extra={
        mayRequest ? (
          <Button type="primary" onClick={() => setRequesting(true)} data-testid="sign-off-request">
            {t(`soRequest_${mode}`)}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={loaded.error} />
      {!round && !loaded.error && <Typography.Text type="secondary">{loaded.loading ? t("loading") : t("soNone")}</Typography.Text>}
      {round && (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Space wrap>
            <Typography.Text strong>{t("soProposed")}</Typography.Text>
            <Tag color={STATUS_COLOUR[round.status]} data-testid="sign-off-status">
              {t(`soStatus_${round.status}`)}
            </Tag>
          </Space>
          {round.status === "rejected" && <Typography.Text type="warning">{t("soRejectedHint")}</Typography.Text>}
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: "result", label: t("matterResult"), children: labels.result(round.decision.result) },
              { key: "number", label: t("matterDocumentNumber"), children: <span data-testid="sign-off-document-number">{round.decision.documentNumber}</span> },
              { key: "title", label: t("matterDocumentTitle"), children: round.decision.documentTitle },
              { key: "opinion", label: t("caseOpinion"), children: round.decision.opinion },
            ]}
          />
          <List
            size="small"
            header={t("soSigners")}
            dataSource={round.signers}
            data-testid="sign-off-signers-list"
            renderItem={(s) => (
              <List.Item key={s.userId} data-testid={`sign-off-signer-${s.userId}`} data-decision={s.decision ?? "pending"}>
                <Space wrap>
                  <Typography.Text>{s.name}</Typography.Text>
                  {decisionTag(s.decision)}
                  {s.decidedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(s.decidedAt)}</Typography.Text>}
                  {s.comment && <Typography.Text type="secondary">{s.comment}</Typography.Text>}
                </Space>
              </List.Item>
            )}
          />
          {open && me && me.decision === null && (
            <Space>
              <Button type="primary" onClick={() => setSigning("approve")} data-testid="sign-off-approve">
                {t("soApprove")}
              </Button>
              <Button danger onClick={() => setSigning("reject")} data-testid="sign-off-reject">
                {t("soReject")}
              </Button>
            </Space>
          )}
        </Space>
      )}
      {requesting && (
        <RequestForm
          view={view}
          onClose={() => setRequesting(false)}
          onDone={() => {
            setRequesting(false);
            message.success(t("soRequested"));
            reload();
          }}
        />
      )}
      {signing && <SignDialog caseId={view.caseId} decision={signing} onClose={() => setSigning(null)} onDone={signed} />}
    </Card>
  );
}
