import { Breadcrumb, Typography } from "antd";
import { Link } from "react-router-dom";
import { WorkingDayCalculator } from "../components/WorkingDayCalculator.js";
import { usePlatform } from "../context/PlatformContext.js";
import { useI18n } from "../i18n/index.js";

export function PortalCalendar() {
  const { t } = useI18n();
  const { name } = usePlatform();
  return (
    <div className="portal-main">
      <Breadcrumb items={[{ title: <Link to="/">{name}</Link> }, { title: t("calendarTitle") }]} />
      <Typography.Title level={3}>{t("calendarTitle")}</Typography.Title>
      <WorkingDayCalculator />
    </div>
  );
}
