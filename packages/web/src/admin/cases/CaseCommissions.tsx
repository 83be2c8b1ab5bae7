import { ApiOutlined } from "@ant-design/icons";
import { App, Button, List, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useSession } from "../../context/SessionContext.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { CommissionDialog } from "../commissions/CommissionDialog.js";
import type { Commission, CommissionStatus } from "../commissions/types.js";
import type { CaseView } from "./types.js";

const STATUS_COLOUR: Record<CommissionStatus, string> = {
  commissioned: "gold",
  accepted: "processing",
  declined: "error",
  delivered: "cyan",
  evaluated: "success",
  cancelled: "default",
};

/**
 * 中介服务委托 of one case (Art. 16): the commissions with their status, and — for the handling department, on an
 * accepted case whose matter may pause for an intermediary — the 委托中介服务 dialog (the server pauses the clock).
 */
export function CaseCommissions({ view, version, onChanged }: { view: CaseView; version: number; onChanged: () => void }) {
  const { t } = useI18n();
  const { user, can } = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const readable = can("commissions:read");
  const loaded = useApi<{ items: Commission[] }>(readable ? `/cases/${encodeURIComponent(view.caseId)}/commissions` : null);
  const { reload } = loaded;
  useEffect(() => {
    if (version > 0 && readable) reload();
  }, [version, readable, reload]);

  const ours = String(user?.organisation.id) === String(view.departmentId);
  const mayCommission = can("commissions:manage") && ours && view.status === "accepted" && view.pauseReasonClasses.includes("intermediary");
  const items = loaded.data?.items ?? [];
  if (!readable || (items.length === 0 && !mayCommission && !loaded.error)) return null;

  return (
    <div data-testid="case-commissions" style={{ marginTop: 16 }}>
      <Space style={{ width: "100%", justifyContent: "space-between" }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("kmCaseTitle")}
        </Typography.Title>
        {mayCommission && (
          <Button icon={<ApiOutlined />} onClick={() => setOpen(true)} data-testid="case-commission">
            {t("kmCommission")}
          </Button>
        )}
      </Space>
      <ErrorAlert error={loaded.error} />
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t("kmCaseEmpty") }}
        renderItem={(k) => (
          <List.Item key={k.id} data-testid={`case-commission-${k.id}`} data-status={k.status}>
            <Space wrap>
              <Typography.Text>{k.intermediary}</Typography.Text>
              <Typography.Text type="secondary">{k.service}</Typography.Text>
              <Tag color={STATUS_COLOUR[k.status]}>{t(`kmStatus_${k.status}`)}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("kmCommissionedAt")} {formatInstant(k.commissionedAt)} · {k.commissionedBy}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {open && (
        <CommissionDialog
          caseId={view.caseId}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            message.success(t("kmCommissionedMsg"));
            // onChanged bumps `version`, whose effect reads the commissions again.
            onChanged();
          }}
        />
      )}
    </div>
  );
}
