import { Button, Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../api/client.js";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { ReasonDialog } from "../../components/ReasonDialog.js";
import { type DictKey, useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { useAction } from "../../lib/use-action.js";
import { DISCLOSURE_KINDS, type DisclosureKind, type DisclosureList, type ManagedDisclosure } from "../../portal/disclosures/types.js";

const KIND_LABEL: Record<DisclosureKind, DictKey> = { approval: "disTabApproval", supervision: "disTabSupervision", penalty: "disTabPenalty" };

interface Query {
  kind?: DisclosureKind;
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * 信息公开管理: what the platform published in the caller's region, taken down or not. A leader of the deciding
 * department, or a supervisor, takes an item down with a reason (a court ruling, a revoked decision); the item
 * leaves the public lists and stays here with the reason.
 */
export function DisclosuresAdminPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const list = useApi<DisclosureList<ManagedDisclosure>>("/disclosures", { ...query });
  const [target, setTarget] = useState<ManagedDisclosure>();
  const action = useAction(list.reload);
  // The item whose withdrawal was refused: its error shows only in its own dialog, not when another one opens.
  const [refused, setRefused] = useState<ManagedDisclosure>();
  async function withdraw(item: ManagedDisclosure, reason: string) {
    const ok = await action.run(() => api(`/disclosures/${item.id}/withdraw`, { method: "POST", body: { reason } }), t("disWithdrawDone"));
    setRefused(ok ? undefined : item);
    return ok;
  }

  const columns: ColumnsType<ManagedDisclosure> = [
    { key: "kind", title: t("disColKind"), render: (_, i) => <Tag>{t(KIND_LABEL[i.kind])}</Tag> },
    {
      key: "project",
      title: t("disColProject"),
      render: (_, i) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text code>{i.projectCode}</Typography.Text>
          <Typography.Text>{i.projectName}</Typography.Text>
        </Space>
      ),
    },
    { key: "title", title: t("disColTitle"), dataIndex: "title" },
    { key: "department", title: t("disColAgency"), dataIndex: "department" },
    { key: "result", title: t("disColResult"), render: (_, i) => i.result ?? "—" },
    { key: "documentNumber", title: t("disColDecisionNumber"), render: (_, i) => i.documentNumber ?? "—" },
    { key: "publishedAt", title: t("disColPublishedOn"), render: (_, i) => formatInstant(i.publishedAt) },
    {
      key: "state",
      title: t("disColState"),
      render: (_, i) =>
        i.withdrawnAt ? (
          <Space orientation="vertical" size={2}>
            <Tag>{t("disWithdrawnOn", { at: formatInstant(i.withdrawnAt) })}</Tag>
            <Typography.Text type="secondary">{i.withdrawnReason}</Typography.Text>
          </Space>
        ) : i.canWithdraw ? (
          <Button size="small" danger data-testid={`disclosure-withdraw-${i.id}`} onClick={() => setTarget(i)}>
            {t("disWithdraw")}
          </Button>
        ) : (
          <Tag color="green">{t("disPublic")}</Tag>
        ),
    },
  ];

  return (
    <Card title={t("menu_disclosures")}>
      <Typography.Paragraph type="secondary">{t("disAdminIntro")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t("disAllKinds")}
          style={{ width: 160 }}
          data-testid="disclosures-admin-kind"
          options={DISCLOSURE_KINDS.map((k) => ({ value: k, label: t(KIND_LABEL[k]) }))}
          onChange={(kind?: DisclosureKind) => setQuery({ ...query, kind, page: 1 })}
        />
        <Input.Search
          allowClear
          placeholder={t("disSearchPlaceholder")}
          style={{ width: 320 }}
          maxLength={100}
          onSearch={(value) => setQuery({ ...query, q: value.trim() || undefined, page: 1 })}
        />
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 16 }} />
      <Table<ManagedDisclosure>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        data-testid="disclosures-admin-table"
        scroll={{ x: true }}
        pagination={listPagination(query, list.data?.total, setQuery, t)}
      />
      <ReasonDialog<ManagedDisclosure>
        target={target}
        title={t("disWithdrawTitle")}
        placeholder={t("disWithdrawReason")}
        testId="disclosure-withdraw-reason"
        okTestId="disclosure-withdraw-submit"
        danger
        rows={3}
        maxLength={1000}
        busy={action.busy}
        error={refused === target ? action.error : undefined}
        onConfirm={withdraw}
        onClose={() => {
          setTarget(undefined);
          setRefused(undefined);
        }}
      >
        <Typography.Paragraph>
          {target?.projectCode} · {target?.title}
        </Typography.Paragraph>
      </ReasonDialog>
    </Card>
  );
}
