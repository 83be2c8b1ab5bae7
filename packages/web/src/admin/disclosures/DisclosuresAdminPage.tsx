import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { type DictKey, useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
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
  const { message } = App.useApp();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const list = useApi<DisclosureList<ManagedDisclosure>>("/disclosures", { ...query });
  const [target, setTarget] = useState<ManagedDisclosure>();
  const [error, setError] = useState<ApiError>();
  const [form] = Form.useForm<{ reason: string }>();

  async function withdraw() {
    const values = await form.validateFields().catch(() => undefined);
    if (!values || !target) return;
    try {
      await api(`/disclosures/${target.id}/withdraw`, { method: "POST", body: values });
      message.success(t("disWithdrawDone"));
      setTarget(undefined);
      form.resetFields();
      list.reload();
    } catch (cause) {
      setError(asApiError(cause));
    }
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
      <Modal
        open={target !== undefined}
        title={t("disWithdrawTitle")}
        onOk={withdraw}
        onCancel={() => {
          setTarget(undefined);
          setError(undefined);
        }}
        okButtonProps={{ danger: true, id: "disclosure-withdraw-submit" }}
      >
        <Typography.Paragraph>
          {target?.projectCode} · {target?.title}
        </Typography.Paragraph>
        <ErrorAlert error={error} style={{ marginBottom: 12 }} />
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t("disWithdrawReason")} rules={[{ required: true, whitespace: true, min: 2, message: t("disWithdrawReasonRequired") }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="disclosure-withdraw-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
