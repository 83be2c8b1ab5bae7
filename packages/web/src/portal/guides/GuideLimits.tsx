import { Tag } from "antd";
import { useI18n } from "../../i18n/index.js";

/** 法定 N 个工作日 (or 法定 N 日 for a law that counts calendar days) and 承诺 N 个工作日. */
export function GuideLimits({ statutoryWorkingDays, statutoryCalendarDays, promisedWorkingDays }: { statutoryWorkingDays: number | null; statutoryCalendarDays: number | null; promisedWorkingDays: number }) {
  const { t } = useI18n();
  const statutory =
    statutoryWorkingDays !== null
      ? t("pgStatutoryWorking", { n: statutoryWorkingDays })
      : statutoryCalendarDays !== null
        ? t("pgStatutoryCalendar", { n: statutoryCalendarDays })
        : t("pgNoStatutory");
  return (
    <span data-testid="guide-limits">
      <Tag color="geekblue">{statutory}</Tag>
      <Tag color="green">{t("pgPromised", { n: promisedWorkingDays })}</Tag>
    </span>
  );
}
