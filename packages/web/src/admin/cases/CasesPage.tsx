import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Col, Row, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { lazy, Suspense, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { listPagination } from "../../components/listPagination.js";
import { PageSpin } from "../../components/Status.js";
import { useCaseLabels } from "../../i18n/case-labels.js";
import { useI18n } from "../../i18n/index.js";
import { formatInstant } from "../../lib/format.js";
import { CaseDrawer } from "./CaseDrawer.js";
import { PendingSignOffs } from "./PendingSignOffs.js";
import { CaseClockLine, StatusTag, TrafficLight } from "./CaseLight.js";
import type { CaseQueue, CaseSummary, CaseWorkload } from "./types.js";

// ECharts loads only when the page is opened.
const WorkloadChart = lazy(async () => ({ default: (await import("./WorkloadChart.js")).WorkloadChart }));

/** Open cases by default: what still needs the department's work. */
const OPEN = ["notified", "submitted", "accepted", "paused"];
const ALL = [...OPEN, "completed", "refused", "withdrawn"];

interface QueueQuery {
  status: string;
  warning?: string | undefined;
  page: number;
  pageSize: number;
}

/**
 * 审批办件 (Art. 14-15): the department's queue, most urgent first, with a traffic light per case, its workload
 * chart, and each case's steps, timeline and clock in a drawer.
 */
export function CasesPage() {
  const { t } = useI18n();
  const labels = useCaseLabels();
  const [query, setQuery] = useState<QueueQuery>({ status: OPEN.join(","), page: 1, pageSize: 20 });
  // ?case=<caseId> opens that case (a message's link, a bookmark).
  const [params, setParams] = useSearchParams();
  const [opened, setOpenedState] = useState<string | null>(params.get("case"));
  const setOpened = (caseId: string | null) => {
    setOpenedState(caseId);
    setParams(caseId ? { case: caseId } : {}, { replace: true });
  };
  const queue = useApi<CaseQueue>("/cases", { ...query });
  const workload = useApi<CaseWorkload>("/cases/workload");
  // Remounting the pending sign-offs reloads them after a step (a signature closes a round).
  const [generation, setGeneration] = useState(0);
  const reload = () => {
    queue.reload();
    workload.reload();
    setGeneration((g) => g + 1);
  };

  const columns: ColumnsType<CaseSummary> = [
    { title: "", key: "light", width: 36, render: (_, c) => <TrafficLight clock={c.clock} /> },
    {
      title: t("matterName"),
      key: "matter",
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => setOpened(c.caseId)} data-testid={`case-open-${c.projectCode}-${c.matterCode}`}>
            {c.matterName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.matterCode} · {labels.stage(c.stage)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t("caseProject"),
      key: "project",
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <span>{c.projectName}</span>
          <Typography.Text code style={{ fontSize: 12 }}>
            {c.projectCode}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t("matterStatus"), dataIndex: "status", render: (s: string) => <StatusTag status={s} /> },
    { title: t("caseClock"), key: "clock", render: (_, c) => <CaseClockLine item={c} light={false} /> },
    { title: t("caseLastStep"), dataIndex: "lastStepAt", render: (v: string | null) => formatInstant(v) },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card
          title={t("menu_cases")}
          extra={
            <Button icon={<ReloadOutlined />} onClick={reload} data-testid="cases-reload">
              {t("caseReload")}
            </Button>
          }
        >
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              mode="multiple"
              style={{ minWidth: 280 }}
              value={query.status.split(",").filter(Boolean)}
              options={ALL.map((s) => ({ value: s, label: labels.status(s) }))}
              onChange={(v: string[]) => setQuery({ ...query, status: (v.length ? v : OPEN).join(","), page: 1 })}
              placeholder={t("matterStatus")}
              data-testid="cases-status-filter"
            />
            <Select
              allowClear
              style={{ width: 160 }}
              value={query.warning}
              placeholder={t("caseWarningFilter")}
              options={[
                { value: "red", label: t("caseWarningRed") },
                { value: "yellow", label: t("caseWarningYellow") },
                { value: "none", label: t("caseWarningNone") },
              ]}
              onChange={(v?: string) => setQuery({ ...query, warning: v, page: 1 })}
              data-testid="cases-warning-filter"
            />
          </Space>
          <PendingSignOffs key={generation} onOpen={setOpened} />
          <ErrorAlert error={queue.error} />
          <Table
            rowKey="caseId"
            size="small"
            loading={queue.loading}
            columns={columns}
            dataSource={queue.data?.items ?? []}
            pagination={listPagination(query, queue.data?.total, setQuery, t)}
            onRow={(c) => ({ "data-testid": `case-row-${c.matterCode}`, "data-project": c.projectCode }) as React.HTMLAttributes<HTMLElement>}
            data-testid="cases-table"
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card title={workload.data ? t("caseWorkloadOf", { department: workload.data.department }) : t("caseWorkload")} data-testid="cases-workload">
          <ErrorAlert error={workload.error} />
          {workload.data && (
            <Suspense fallback={<PageSpin />}>
              <WorkloadChart workload={workload.data} />
            </Suspense>
          )}
        </Card>
      </Col>
      <CaseDrawer caseId={opened} onClose={() => setOpened(null)} onChanged={reload} />
    </Row>
  );
}
