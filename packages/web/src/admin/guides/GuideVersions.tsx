import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Popconfirm, Space, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../api/client.js";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { ReasonDialog } from "../../components/ReasonDialog.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { useAction } from "../../lib/use-action.js";
import { GuideEditor } from "./GuideEditor.js";
import { type GuideVersion, type MatterGuides, STATUS_COLOR } from "./types.js";

/** The versions of one matter's guide, newest first, with the steps the user's role may take on each. */
export function GuideVersions(props: { matter: MatterGuides; onChanged(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const path = `/matters/${encodeURIComponent(props.matter.code)}/guides`;
  const { data, error, loading, reload } = useApi<{ items: GuideVersion[] }>(path);
  const changed = () => {
    reload();
    props.onChanged();
  };
  const { run: act, busy, error: actionError } = useAction(changed);
  const [open, setOpen] = useState<GuideVersion>();
  const [returning, setReturning] = useState<GuideVersion>();

  const items = data?.items ?? [];
  const inProgress = items.some((g) => g.status === "draft" || g.status === "submitted");
  const columns: ColumnsType<GuideVersion> = [
    { title: t("guideVersions"), dataIndex: "version", render: (v: number) => `v${v}` },
    {
      title: t("guideStatus"),
      dataIndex: "status",
      render: (_, g) => (
        <Tag color={STATUS_COLOR[g.status]} data-testid={`guide-status-v${g.version}`}>
          {t(`guideStatus_${g.status}`)}
        </Tag>
      ),
    },
    { title: t("guideCreatedAt"), dataIndex: "createdAt", render: (v: string) => new Date(v).toLocaleString() },
    { title: t("guidePublishedAt"), dataIndex: "publishedAt", render: (v: string | null) => (v ? new Date(v).toLocaleString() : "—") },
    {
      title: "",
      key: "actions",
      render: (_, g) => (
        <Space>
          <Button size="small" data-testid={`guide-open-v${g.version}`} onClick={() => setOpen(g)}>
            {g.status === "draft" ? t("guideEdit") : t("guideView")}
          </Button>
          {g.status === "draft" && (
            <Button size="small" disabled={busy} data-testid={`guide-submit-v${g.version}`}
              onClick={() => void act(() => api(`/guides/${g.id}/submit`, { method: "POST" }), t("guideSubmitted"))}>
              {t("guideSubmit")}
            </Button>
          )}
          {g.status === "draft" && (
            <Popconfirm
              title={t("guideDiscardConfirm", { version: g.version })}
              okText={t("guideDiscard")}
              cancelText={t("cancel")}
              okButtonProps={{ danger: true, "data-testid": `guide-discard-confirm-v${g.version}` }}
              onConfirm={() => act(() => api(`/guides/${g.id}`, { method: "DELETE" }), t("guideDiscarded", { version: g.version }))}
            >
              <Button size="small" danger disabled={busy} data-testid={`guide-discard-v${g.version}`}>
                {t("guideDiscard")}
              </Button>
            </Popconfirm>
          )}
          {g.status === "submitted" && can("guides:publish") && (
            <>
              <Button size="small" type="primary" disabled={busy} data-testid={`guide-publish-v${g.version}`}
                onClick={() => void act(() => api(`/guides/${g.id}/publish`, { method: "POST" }), t("guidePublishedMsg", { version: g.version }))}>
                {t("guidePublish")}
              </Button>
              <Button size="small" danger disabled={busy} data-testid={`guide-return-v${g.version}`} onClick={() => setReturning(g)}>
                {t("guideReturn")}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      type="inner"
      style={{ marginTop: 16 }}
      title={t("guideVersionsOf", { name: props.matter.name })}
      extra={
        <Button icon={<PlusOutlined />} disabled={inProgress || busy || loading} data-testid="guide-new-draft"
          onClick={() => void act(() => api<GuideVersion>(path, { method: "POST" }), t("guideDrafted", { version: (items[0]?.version ?? 0) + 1 }))}>
          {t("guideNewDraft")}
        </Button>
      }
      data-testid="guide-versions"
    >
      <ErrorAlert error={error ?? actionError} style={{ marginBottom: 16 }} />
      <Table<GuideVersion> rowKey="id" size="small" loading={loading} columns={columns} dataSource={items} pagination={false} />
      {open && (
        <GuideEditor
          guide={open}
          onClose={() => setOpen(undefined)}
          onSaved={() => {
            setOpen(undefined);
            changed();
          }}
        />
      )}
      <ReasonDialog
        target={returning}
        title={t("guideReturn")}
        okText={t("guideReturn")}
        placeholder={t("guideReturnReason")}
        testId="guide-return-reason"
        busy={busy}
        onClose={() => setReturning(undefined)}
        onConfirm={(g, reason) => act(() => api(`/guides/${g.id}/return`, { method: "POST", body: { reason } }), t("guideReturned"))}
      />
    </Card>
  );
}
