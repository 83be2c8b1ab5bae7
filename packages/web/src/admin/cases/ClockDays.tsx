import { Space, Spin, Tooltip, Typography } from "antd";
import { useApi } from "../../api/hooks.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { DAY_LEGEND_LABELS } from "../../i18n/case-labels.js";
import { useI18n } from "../../i18n/index.js";
import { type Day, legendOf } from "./case-display.js";
import type { ClockExplanation } from "./types.js";

/** Fill colours: what the clock did (counted, paused …), else what the calendar says the day is. */
const FILL: Record<string, string> = {
  counted: "#bfdbfe",
  projected: "#eff6ff",
  adjusted_workday: "#ddd6fe",
  weekend: "#e5e7eb",
  holiday: "#fecaca",
  paused: "#fed7aa",
  start: "#1d4ed8",
  stop_day: "#16a34a",
  unavailable: "#f3f4f6",
};

function Cell({ d }: { d: Day }) {
  const { pick, t } = useI18n();
  const legend = legendOf(d);
  const dark = legend === "start" || legend === "stop_day";
  const tip = [d.date, pick(DAY_LEGEND_LABELS[legend]), d.name, d.role === "pause_day" ? t("casePauseDay") : d.role === "resume_day" ? t("caseResumeDay") : null, d.count !== undefined ? t("caseDayCount", { n: d.count }) : null, d.due ? pick(DAY_LEGEND_LABELS.due) : null]
    .filter(Boolean)
    .join(" · ");
  return (
    <Tooltip title={tip}>
      <div
        data-testid="clock-day"
        data-date={d.date}
        data-role={d.role}
        data-legend={legend}
        data-due={d.due ? "true" : undefined}
        style={{
          width: 34,
          height: 34,
          borderRadius: 4,
          background: FILL[legend],
          color: dark ? "#fff" : "#111827",
          border: d.due ? "2px solid #dc2626" : d.role === "today" ? "2px solid #111827" : "1px solid #e5e7eb",
          fontSize: 11,
          lineHeight: "14px",
          textAlign: "center",
          paddingTop: 2,
          boxSizing: "border-box",
        }}
      >
        <div>{Number(d.date.slice(8, 10))}</div>
        <div style={{ fontSize: 9, opacity: 0.8 }}>{d.count ?? (d.role === "pause_day" || d.role === "resume_day" ? "‖" : "")}</div>
      </div>
    </Tooltip>
  );
}

/** A day cell of the legend, drawn like the calendar's. */
function Swatch({ k }: { k: string }) {
  const { pick } = useI18n();
  const border = k === "due" ? "2px solid #dc2626" : k === "today" ? "2px solid #111827" : "1px solid #e5e7eb";
  return (
    <Space size={4}>
      <span style={{ display: "inline-block", width: 14, height: 14, borderRadius: 3, background: FILL[k] ?? "#fff", border, boxSizing: "border-box" }} />
      <Typography.Text style={{ fontSize: 12 }}>{pick(DAY_LEGEND_LABELS[k])}</Typography.Text>
    </Space>
  );
}

/**
 * 时限说明: the case's days from acceptance to the due date, month by month, coloured by what the clock did on
 * each (spec §6: a day counts only if the clock ran through all of it), so an officer or the unit can check the
 * due date against the official calendar (weekends, holidays, 调休 working days).
 */
export function ClockDays({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useI18n();
  const { data, error, loading } = useApi<ClockExplanation>(`/cases/${encodeURIComponent(caseId)}/clock`, { v: version });
  const months = new Map<string, Day[]>();
  for (const d of data?.days ?? []) months.set(d.date.slice(0, 7), [...(months.get(d.date.slice(0, 7)) ?? []), d]);
  return (
    <div data-testid="clock-explanation">
      <ErrorAlert error={error} />
      {loading && !data && <Spin />}
      {data && data.days.length === 0 && <Typography.Text type="secondary">{t("caseClockNotStarted")}</Typography.Text>}
      {[...months.entries()].map(([month, days]) => (
        <div key={month} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {month}
          </Typography.Text>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 3 }}>
            {days.map((d) => (
              <Cell key={d.date} d={d} />
            ))}
          </div>
        </div>
      ))}
      {data && data.days.length > 0 && (
        <>
          <Space wrap size={[12, 4]} style={{ marginTop: 4 }} data-testid="clock-legend">
            {["start", "counted", "projected", "weekend", "holiday", "adjusted_workday", "paused", "stop_day", "today", "due"].map((k) => (
              <Swatch key={k} k={k} />
            ))}
          </Space>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t("caseCalendarVersion", { version: data.calendarVersion, today: data.today })}
            </Typography.Text>
          </div>
        </>
      )}
    </div>
  );
}
