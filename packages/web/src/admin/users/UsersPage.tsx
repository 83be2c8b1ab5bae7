import { PlusOutlined, UnlockOutlined } from "@ant-design/icons";
import { ROLE_LABELS } from "@tzxm/shared";
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../api/client.js";
import { asApiError, useApi } from "../../api/hooks.js";
import type { Page, UserRow } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { CreateUserDialog } from "./CreateUserDialog.js";

/** 用户管理 (security administrator, 三员分立): accounts, lock state and second-factor enrolment. */
export function UsersPage() {
  const { t, pick, lang } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const [query, setQuery] = useState({ page: 1, pageSize: 20, q: "" });
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApi<Page<UserRow>>("/users", query);
  const manage = can("users:manage");

  async function unlock(user: UserRow) {
    try {
      await api(`/users/${encodeURIComponent(String(user.id))}/unlock`, { method: "POST" });
      message.success(t("unlocked", { username: user.username }));
      reload();
    } catch (cause) {
      const apiError = asApiError(cause);
      if (apiError) message.error(`${lang === "en" ? apiError.messageEn : apiError.messageZh} (${t("requestId")}: ${apiError.requestId ?? "—"})`);
    }
  }

  const columns: ColumnsType<UserRow> = [
    { title: t("username"), dataIndex: "username", render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t("displayName"), dataIndex: "displayName" },
    { title: t("role"), dataIndex: "role", render: (_, u) => pick(ROLE_LABELS[u.role], u.role) },
    { title: t("organisation"), key: "organisation", render: (_, u) => u.organisation.name },
    {
      title: t("accountStatus"),
      key: "status",
      render: (_, u) => {
        if (u.disabled) return <Tag>{t("statusDisabled")}</Tag>;
        if (u.locked)
          return (
            <Tag color="red">
              {u.lockedUntil ? t("statusLocked", { until: formatInstant(u.lockedUntil) }) : t("statusLockedNoUntil")}
            </Tag>
          );
        return <Tag color="green">{t("statusNormal")}</Tag>;
      },
    },
    {
      title: t("secondFactor"),
      dataIndex: "secondFactorEnrolled",
      render: (v: boolean) => (v ? <Tag color="blue">{t("enrolled")}</Tag> : <Tag>{t("notEnrolled")}</Tag>),
    },
  ];
  if (manage) {
    columns.push({
      title: t("actions"),
      key: "actions",
      render: (_, u) =>
        u.locked ? (
          <Popconfirm
            title={t("unlockConfirm", { username: u.username })}
            okText={t("unlock")}
            cancelText={t("cancel")}
            onConfirm={() => unlock(u)}
          >
            <Button size="small" icon={<UnlockOutlined />} data-testid={`unlock-${u.username}`}>
              {t("unlock")}
            </Button>
          </Popconfirm>
        ) : null,
    });
  }

  return (
    <Card
      title={t("menu_users")}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
            {t("createUser")}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t("usersSearch")}
          style={{ width: 320 }}
          onSearch={(q) => setQuery({ ...query, page: 1, q: q.trim() })}
          data-testid="users-search"
        />
      </Space>
      <ErrorAlert error={error} style={{ marginBottom: 16 }} />
      <Table<UserRow>
        rowKey="id"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        data-testid="users-table"
        pagination={listPagination(query, data?.total, setQuery, t)}
      />
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          reload();
        }}
      />
    </Card>
  );
}
