import { ROLE_LABELS, ROLES, type Role } from "@tzxm/shared";
import { useMemo } from "react";
import { EChart } from "../../components/EChart.js";
import { useI18n } from "../../i18n/index.js";

export function UsersByRoleChart({ usersByRole }: { usersByRole: Partial<Record<Role, number>> }) {
  const { lang, t } = useI18n();
  const option = useMemo(
    () => ({
      color: ["#1d4ed8"],
      tooltip: { trigger: "axis" },
      grid: { left: 40, right: 16, top: 16, bottom: 64 },
      xAxis: {
        type: "category",
        data: ROLES.map((role) => ROLE_LABELS[role][lang]),
        axisLabel: { interval: 0, rotate: lang === "en" ? 30 : 0 },
      },
      yAxis: { type: "value", minInterval: 1, name: t("userCount") },
      series: [{ type: "bar", barMaxWidth: 40, data: ROLES.map((role) => usersByRole[role] ?? 0), label: { show: true, position: "top" } }],
    }),
    [usersByRole, lang, t],
  );
  return <EChart option={option} testId="users-by-role-chart" height={320} />;
}
