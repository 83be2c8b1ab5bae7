import { Card, DatePicker, Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs from "dayjs";
import { useState } from "react";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import type { DepartmentPerformance } from "./types.js";

/** 绩效排名 (Art. 7): one month, department by department, ranked. */
export function PerformanceTable({ initialMonth }: { initialMonth: string }) {
  const { t } = useI18n();
  const [month, setMonth] = useState(initialMonth);
  const loaded = useApi<{ month: string; items: DepartmentPerformance[] }>("/performance", { month });
  const percent = (v: number | null) => (v === null ? "—" : `${Math.round(v * 1000) / 10}%`);
  const columns: ColumnsType<DepartmentPerformance> = [
    { title: t("esRank"), dataIndex: "rank", width: 64 },
    { title: t("matterDepartment"), dataIndex: "department" },
    { title: t("esAccepted"), dataIndex: "accepted" },
    { title: t("esCompleted"), dataIndex: "completed" },
    { title: t("esOnTimeRate"), dataIndex: "onTimeRate", render: percent },
    { title: t("esAverageDays"), dataIndex: "averageWorkingDaysUsed", render: (v: number | null) => v ?? "—" },
    { title: t("esYellowCard"), dataIndex: "yellowCards" },
    { title: t("esRedCard"), dataIndex: "redCards" },
    { title: t("esRectificationsClosed"), dataIndex: "rectificationsClosed" },
  ];
  return (
    <Card
      title={t("esRanking")}
      size="small"
      data-testid="es-performance"
      extra={
        <DatePicker
          picker="month"
          size="small"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format("YYYY-MM"))}
          data-testid="es-performance-month"
        />
      }
    >
      <ErrorAlert error={loaded.error} />
      <Table<DepartmentPerformance> rowKey="departmentId" size="small" loading={loaded.loading} columns={columns} dataSource={loaded.data?.items ?? []} pagination={false} />
    </Card>
  );
}
