import { Alert, List, Tag, Typography } from "antd";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";

interface Pending {
  caseId: string;
  mode: "all" | "any";
  projectCode: string;
  matterName: string;
  requestedAt: string;
}

/** 待我签署: 会签/或签 rounds waiting for the signed-in officer or leader; opening one opens its case. */
export function PendingSignOffs(props: { onOpen(caseId: string): void }) {
  const { t } = useI18n();
  const pending = useApi<{ items: Pending[] }>("/cases/sign-offs/pending");
  // A failed load must not look like "nothing pending".
  if (pending.error) return <ErrorAlert error={pending.error} style={{ marginBottom: 12 }} />;
  const items = pending.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="pending-sign-offs"
      title={t("casePendingSignOffs", { n: items.length })}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(p) => (
            <List.Item key={p.caseId}>
              <Typography.Link onClick={() => props.onOpen(p.caseId)} data-testid={`pending-sign-off-${p.caseId}`}>
                {p.matterName}
              </Typography.Link>
              <span>
                <Tag>{t(p.mode === "all" ? "catSignOff_all" : "catSignOff_any")}</Tag>
                <Typography.Text type="secondary">
                  {p.projectCode} · {formatInstant(p.requestedAt)}
                </Typography.Text>
              </span>
            </List.Item>
          )}
        />
      }
    />
  );
}
