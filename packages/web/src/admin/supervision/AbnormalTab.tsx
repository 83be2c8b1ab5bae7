import { PlusOutlined } from "@ant-design/icons";
import { Button, Segmented, Space, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../api/client.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { ReasonDialog } from "../../components/ReasonDialog.js";
import { TwoLineCell } from "../../components/TwoLineCell.js";
import { useI18n } from "../../i18n/index.js";
import { useAction, useCreateDialog } from "../../lib/use-action.js";
import { rowTestId, usePagedList } from "../../lib/use-paged-list.js";
import { useCanDecide } from "./PenaltiesTab.js";
import { ListingDialog } from "./SupervisionDialogs.js";
import type { Listing } from "./types.js";

/** 移出异常名录 with a reason: the button and its dialog. */
export function RemoveListing({ listing: l, onChanged }: { listing: Listing; onChanged(): void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const { run, busy, error } = useAction(onChanged);
  if (!l.canRemove) return null;

  return (
    <>
      <Button size="small" data-testid={`listing-remove-${l.id}`} onClick={() => setOpen(true)}>
        {t("svRemove")}
      </Button>
      <ReasonDialog
        target={open ? l : undefined}
        title={t("svRemoveTitle")}
        okText={t("submit")}
        placeholder={t("svRemoveReasonPlaceholder")}
        testId="listing-remove-reason"
        okTestId="listing-remove-confirm"
        rows={3}
        maxLength={1000}
        busy={busy}
        error={error}
        onClose={() => setOpen(false)}
        onConfirm={(x, reason) => run(() => api(`/abnormal-list/${x.id}/removal`, { method: "POST", body: { reason } }), t("svRemovedMsg"))}
      />
    </>
  );
}

export function ListingStatus({ listing: l }: { listing: Listing }) {
  const { t } = useI18n();
  return l.active ? (
    <Tag color="red" data-testid={`listing-status-${l.id}`} data-active="true">{t("svListed")}</Tag>
  ) : (
    <Tag data-testid={`listing-status-${l.id}`} data-active="false">{t("svRemovedOn", { date: l.removedOn ?? "" })}</Tag>
  );
}

type Filter = "active" | "removed" | "all";
const ACTIVE: Record<Filter, "true" | "false" | undefined> = { active: "true", removed: "false", all: undefined };

/** 异常名录: listed projects in the caller's region, active first; list and remove (leaders and supervisors). */
export function AbnormalTab() {
  const { t } = useI18n();
  const canDecide = useCanDecide();
  const [filter, setFilter] = useState<Filter>("active");
  const list = usePagedList<Listing, { active?: "true" | "false" }>("/abnormal-list", { active: ACTIVE.active });
  const creating = useCreateDialog(list.reload);

  const columns: ColumnsType<Listing> = [
    {
      title: t("svProject"),
      key: "project",
      render: (_, l) => <TwoLineCell main={l.projectName} sub={l.projectCode} code />,
    },
    { title: t("svUnit"), key: "unit", render: (_, l) => `${l.unit}${l.unitCreditCode ? `（${l.unitCreditCode}）` : ""}` },
    { title: t("svListingReason"), dataIndex: "reason" },
    { title: t("svListedOn"), dataIndex: "listedOn" },
    { title: t("svDepartment"), dataIndex: "department" },
    { title: t("cmStatus"), key: "status", render: (_, l) => <ListingStatus listing={l} /> },
    { title: t("actions"), key: "actions", render: (_, l) => <RemoveListing listing={l} onChanged={list.reload} /> },
  ];

  return (
    <div data-testid="supervision-abnormal">
      <Space wrap style={{ marginBottom: 16 }}>
        {canDecide && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="listing-new" onClick={creating.show}>
            {t("svListingNew")}
          </Button>
        )}
        <Segmented<Filter>
          value={filter}
          onChange={(f) => {
            setFilter(f);
            list.filter({ active: ACTIVE[f] });
          }}
          options={[
            { value: "active", label: t("svFilterActive") },
            { value: "removed", label: t("svFilterRemoved") },
            { value: "all", label: t("svFilterAll") },
          ]}
        />
      </Space>
      <ErrorAlert error={list.error} style={{ marginBottom: 16 }} />
      <Table<Listing>
        rowKey="id"
        size="middle"
        columns={columns}
        {...list.table}
        onRow={rowTestId("listing-row")}
        expandable={{ rowExpandable: (l) => !l.active, expandedRowRender: (l) => `${t("svRemovedReason")}：${l.removedReason ?? ""}` }}
      />
      {creating.open && <ListingDialog {...creating.props(t("svListedMsg"))} />}
    </div>
  );
}
