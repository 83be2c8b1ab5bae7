import { Typography } from "antd";
import { WorkingDayCalculator } from "../components/WorkingDayCalculator.js";
import { useI18n } from "../i18n/index.js";

export function AdminCalendarPage() {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={4}>{t("menu_calendar")}</Typography.Title>
      <WorkingDayCalculator />
    </>
  );
}
