import { Space, Tag, Tooltip, Typography } from "antd";
import { LIGHT_LABELS, useCaseLabels } from "../../i18n/case-labels.js";
import { useI18n } from "../../i18n/index.js";
import { daysLeftText, type Light, lightOf } from "./case-display.js";
import type { CaseClock, CaseSummary } from "./types.js";

export type { Light };

const COLOURS: Record<Light, string> = { green: "#16a34a", yellow: "#eab308", red: "#dc2626", grey: "#9ca3af" };
const STATUS_COLOURS: Record<string, string> = {
  notified: "default",
  submitted: "processing",
  accepted: "blue",
  paused: "orange",
  refused: "red",
  completed: "green",
  withdrawn: "default",
};

export function TrafficLight({ clock }: { clock: CaseClock }) {
  const { pick } = useI18n();
  const light = lightOf(clock);
  return (
    <Tooltip title={pick(LIGHT_LABELS[light])}>
      <span
        role="img"
        data-testid="traffic-light"
        data-light={light}
        aria-label={pick(LIGHT_LABELS[light])}
        style={{ display: "inline-block", width: 12, height: 12, borderRadius: 6, background: COLOURS[light], boxShadow: "0 0 0 2px rgba(0,0,0,0.06)" }}
      />
    </Tooltip>
  );
}

export function StatusTag({ status }: { status: string }) {
  const labels = useCaseLabels();
  return (
    <Tag color={STATUS_COLOURS[status] ?? "default"} data-testid="case-status" data-status={status}>
      {labels.status(status)}
    </Tag>
  );
}

export function CaseClockLine({ item, light = true }: { item: Pick<CaseSummary, "clock" | "status">; light?: boolean }) {
  const { t } = useI18n();
  return (
    <Space size={6}>
      {light && <TrafficLight clock={item.clock} />}
      <Typography.Text type={item.clock.overdue ? "danger" : undefined} data-testid="case-days-left">
        {daysLeftText(item.clock, t, item.status)}
      </Typography.Text>
    </Space>
  );
}
