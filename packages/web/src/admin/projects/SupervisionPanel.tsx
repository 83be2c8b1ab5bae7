import { Alert, App, Button, Collapse, Empty, List, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { ListingStatus, RemoveListing } from "../supervision/AbnormalTab.js";
import { FindingsList } from "../supervision/InspectionsTab.js";
import { PenaltyDetails } from "../supervision/PenaltiesTab.js";
import { DeadlineTag, OrderStatusTag, OrderSteps, RectificationActions } from "../supervision/RectificationActions.js";
import { InspectionDialog, ListingDialog, OrderDialog, PenaltyDialog } from "../supervision/SupervisionDialogs.js";
import type { ProjectSupervision } from "../supervision/types.js";

type Dialog = { kind: "inspection" } | { kind: "order"; inspectionId?: number; findingId?: number } | { kind: "penalty" } | { kind: "listing" };

/**
 * 监管信息 (Art. 10: supervision and penalty information under the code): the project's inspections, rectification
 * orders with their follow-up, penalty decisions and abnormal listings. The unit answers its open orders here (报送整改
 * 情况); staff who supervise the project record what they do from here too.
 */
export function SupervisionPanel({ code, onChanged }: { code: string; onChanged?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const record = useApi<ProjectSupervision>(`/projects/${encodeURIComponent(code)}/supervision`);
  const [dialog, setDialog] = useState<Dialog>();
  const s = record.data?.code === code ? record.data : undefined;
  const changed = (msg?: string) => {
    setDialog(undefined);
    if (msg) message.success(msg);
    record.reload();
    onChanged?.();
  };
  const empty = s && s.inspections.length + s.rectificationOrders.length + s.penalties.length + s.abnormalListings.length === 0;
  const listed = s?.abnormalListings.find((l) => l.active);

  return (
    <div data-testid="project-supervision" style={{ marginTop: 24 }}>
      <Typography.Title level={5}>{t("svPanelTitle")}</Typography.Title>
      <ErrorAlert error={record.error} style={{ marginBottom: 12 }} />
      {record.loading && !s && <Spin />}
      {s?.canSupervise && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button size="small" data-testid="project-inspection-new" onClick={() => setDialog({ kind: "inspection" })}>{t("svInspectionNew")}</Button>
          <Button size="small" data-testid="project-order-new" onClick={() => setDialog({ kind: "order" })}>{t("svOrderNew")}</Button>
          {s.canDecide && <Button size="small" data-testid="project-penalty-new" onClick={() => setDialog({ kind: "penalty" })}>{t("svPenaltyNew")}</Button>}
          {s.canDecide && !listed && <Button size="small" danger data-testid="project-listing-new" onClick={() => setDialog({ kind: "listing" })}>{t("svListingNew")}</Button>}
        </Space>
      )}
      {listed && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t("svListedAlert", { date: listed.listedOn, reason: listed.reason })} data-testid="project-listed" />}
      {empty && <Empty description={t("svPanelEmpty")} />}
      {s && s.rectificationOrders.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t("svTabOrders")}</Typography.Text>}
          dataSource={s.rectificationOrders}
          renderItem={(o) => (
            <List.Item data-testid={`project-order-${o.id}`} actions={[<RectificationActions key="a" order={o} onChanged={() => changed()} />]}>
              <Collapse
                ghost
                size="small"
                style={{ width: "100%" }}
                items={[
                  {
                    key: "o",
                    label: (
                      <Space wrap>
                        <OrderStatusTag order={o} />
                        <span>{o.documentNumber ?? t("svOrder")}</span>
                        <Typography.Text type="secondary">{`${o.department} · ${t("svDeadline")}`}</Typography.Text>
                        <DeadlineTag order={o} />
                      </Space>
                    ),
                    children: (
                      <>
                        <Typography.Paragraph>{o.requirements}</Typography.Paragraph>
                        <OrderSteps order={o} />
                      </>
                    ),
                  },
                ]}
              />
            </List.Item>
          )}
        />
      )}
      {s && s.inspections.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t("svTabInspections")}</Typography.Text>}
          dataSource={s.inspections}
          renderItem={(i) => (
            <List.Item data-testid={`project-inspection-${i.id}`}>
              <div style={{ width: "100%" }}>
                <Space wrap>
                  <Tag color={i.status === "open" ? "blue" : "green"}>{t(`svInspectionStatus_${i.status}`)}</Tag>
                  <span>{`${i.inspectedOn} · ${t(`svMode_${i.mode}`)} · ${i.department}`}</span>
                </Space>
                <Typography.Paragraph style={{ margin: "4px 0" }}>{i.summary}</Typography.Paragraph>
                <FindingsList inspection={i} onOrder={s.canSupervise ? (findingId) => setDialog({ kind: "order", inspectionId: i.id, findingId }) : undefined} />
              </div>
            </List.Item>
          )}
        />
      )}
      {s && s.penalties.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t("svTabPenalties")}</Typography.Text>}
          dataSource={s.penalties}
          renderItem={(x) => (
            <List.Item data-testid={`project-penalty-${x.id}`}>
              <div style={{ width: "100%" }}>
                <Typography.Text strong>{`${x.documentNumber} · ${x.decidedOn} · ${x.department}`}</Typography.Text>
                <PenaltyDetails penalty={x} />
              </div>
            </List.Item>
          )}
        />
      )}
      {s && s.abnormalListings.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t("svTabAbnormal")}</Typography.Text>}
          dataSource={s.abnormalListings}
          renderItem={(l) => (
            <List.Item data-testid={`project-listing-${l.id}`} actions={[<RemoveListing key="r" listing={l} onChanged={() => changed()} />]}>
              <Space wrap>
                <ListingStatus listing={l} />
                <span>{`${l.listedOn} · ${l.department} · ${l.reason}`}</span>
                {l.removedReason && <Typography.Text type="secondary">{`${t("svRemovedReason")}：${l.removedReason}`}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {dialog?.kind === "inspection" && <InspectionDialog code={code} onClose={() => setDialog(undefined)} onDone={() => changed(t("svInspectionRecordedMsg"))} />}
      {dialog?.kind === "order" && (
        <OrderDialog code={code} inspectionId={dialog.inspectionId} findingId={dialog.findingId} onClose={() => setDialog(undefined)} onDone={() => changed(t("svOrderIssuedMsg"))} />
      )}
      {dialog?.kind === "penalty" && <PenaltyDialog code={code} onClose={() => setDialog(undefined)} onDone={() => changed(t("svPenaltyRecordedMsg"))} />}
      {dialog?.kind === "listing" && <ListingDialog code={code} onClose={() => setDialog(undefined)} onDone={() => changed(t("svListedMsg"))} />}
    </div>
  );
}
