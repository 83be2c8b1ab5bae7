import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Empty, Popconfirm, Space, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "../../api/client.js";
import { asApiError } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { createDraft, type DraftListItem, deleteDraft, listDrafts } from "./drafts-api.js";
import { STEP_COUNT, STEP_TITLES } from "./model.js";

/** Without a draft in the address: the unit's drafts to continue, or a new declaration. */
export function DraftChooser({ onOpen }: { onOpen: (draftId: string) => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<DraftListItem[]>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    listDrafts()
      .then((page) => setDrafts(page.items))
      .catch((cause: unknown) => setError(asApiError(cause)));
  }, []);
  useEffect(load, [load]);

  async function start() {
    setBusy(true);
    setError(undefined);
    try {
      const draft = await createDraft({ step: 0, data: user ? { unit: { name: user.organisation.name } } : {} });
      onOpen(draft.id);
    } catch (cause) {
      setError(asApiError(cause));
    } finally {
      setBusy(false);
    }
  }

  async function remove(id: string) {
    try {
      await deleteDraft(id);
      message.success(t("declDraftDeleted"));
    } catch (cause) {
      setError(asApiError(cause));
    }
    load();
  }

  const stepLabel = (step: number) => t("declDraftAtStep", { step: Math.min(step, STEP_COUNT - 1) + 1, title: t(STEP_TITLES[Math.min(step, STEP_COUNT - 1)] ?? "declStep0") });
  return (
    <Card title={t("declTitle")} data-testid="draft-chooser">
      <Typography.Paragraph type="secondary">{t("declDraftHint")}</Typography.Paragraph>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => void start()} loading={busy} data-testid="decl-new" style={{ marginBottom: 24 }}>
        {t("declNew")}
      </Button>
      <Typography.Title level={5}>{t("declDraftsTitle")}</Typography.Title>
      <Table<DraftListItem>
        rowKey="id"
        size="small"
        data-testid="draft-list"
        loading={drafts === undefined && !error}
        dataSource={drafts ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("declDraftsEmpty")} data-testid="drafts-empty" /> }}
        columns={[
          {
            title: t("projectName"),
            dataIndex: "name",
            render: (name: string | null) => name ?? <Typography.Text type="secondary">{t("declDraftUnnamed")}</Typography.Text>,
          },
          { title: t("declDraftProgress"), dataIndex: "step", render: stepLabel },
          { title: t("declDraftUpdated"), dataIndex: "updatedAt", render: (at: string) => dayjs(at).format("YYYY-MM-DD HH:mm:ss") },
          { title: t("declDraftUpdatedBy"), dataIndex: "updatedBy", render: (by: string | null) => by ?? "—" },
          {
            title: t("actions"),
            key: "actions",
            render: (_, d) => (
              <Space>
                <Button type="link" icon={<EditOutlined />} onClick={() => onOpen(d.id)} data-testid={`draft-continue-${d.id}`}>
                  {t("declDraftContinue")}
                </Button>
                <Popconfirm title={t("declDraftDeleteConfirm")} onConfirm={() => remove(d.id)} okText={t("declDraftDelete")} cancelText={t("cancel")}>
                  <Button type="link" danger icon={<DeleteOutlined />} data-testid={`draft-delete-${d.id}`}>
                    {t("declDraftDelete")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
