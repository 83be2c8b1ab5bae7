import type { CaseEventType } from "@tzxm/shared";
import { useMemo } from "react";
import { PAUSE_LABELS, STAGE_LABELS } from "../portal/guides/types.js";
import { isDictKey, useI18n } from "./index.js";

type Label = { zh: string; en: string };

/**
 * 办件环节 (spec §6 steps), named once for the workbench buttons, the timeline and the unit's pages. Statuses
 * and results are the dictionary's `matterStatus_*` / `matterResult_*`; stages and pause classes come from the
 * guide labels (portal/guides/types.ts).
 */
export const CASE_STEP_LABELS: Record<CaseEventType, Label> = {
  submit: { zh: "提交申请", en: "Submit" },
  receive: { zh: "收件", en: "Receive" },
  accept: { zh: "受理", en: "Accept" },
  refuse: { zh: "不予受理", en: "Refuse acceptance" },
  send_back: { zh: "退回补正", en: "Send back" },
  transfer: { zh: "转办", en: "Transfer" },
  pause: { zh: "中止计时", en: "Pause the clock" },
  resume: { zh: "恢复计时", en: "Resume the clock" },
  extend: { zh: "延长时限", en: "Extend the limit" },
  complete: { zh: "办结", en: "Complete" },
  withdraw: { zh: "撤回", en: "Withdraw" },
};

/** 红黄绿灯: how close a running case is to its limit (spec §6 warning; grey when the clock is not running). */
export const LIGHT_LABELS: Record<"green" | "yellow" | "red" | "grey", Label> = {
  green: { zh: "正常", en: "On time" },
  yellow: { zh: "临近到期", en: "Due soon" },
  red: { zh: "已超期", en: "Overdue" },
  grey: { zh: "未计时", en: "Not running" },
};

/** What the clock did on a day (GET /cases/:id/clock roles), and the day kinds of the calendar. */
export const DAY_LEGEND_LABELS: Record<string, Label> = {
  start: { zh: "受理日（不计）", en: "Accepted (not counted)" },
  counted: { zh: "计入工作日", en: "Counted" },
  weekend: { zh: "周末", en: "Weekend" },
  holiday: { zh: "法定节假日", en: "Public holiday" },
  adjusted_workday: { zh: "调休上班日（计入）", en: "Make-up working day (counted)" },
  paused: { zh: "暂停计时", en: "Clock paused" },
  projected: { zh: "预计计入", en: "Will count" },
  stop_day: { zh: "办结日", en: "Completed" },
  today: { zh: "今天", en: "Today" },
  due: { zh: "到期日", en: "Due date" },
  unavailable: { zh: "日历数据缺失", en: "No calendar data" },
};

export function useCaseLabels() {
  const { t, pick } = useI18n();
  // Stable while the language is: charts redraw on a language change, not on every render.
  return useMemo(() => ({
    status: (s: string) => {
      const key = `matterStatus_${s}`;
      return isDictKey(key) ? t(key) : s;
    },
    result: (r: string | null | undefined) => {
      const key = `matterResult_${r}`;
      return r && isDictKey(key) ? t(key) : (r ?? "—");
    },
    step: (s: string) => pick(CASE_STEP_LABELS[s as CaseEventType], s),
    stage: (s: string) => pick(STAGE_LABELS[s], s),
    pause: (s: string) => pick(PAUSE_LABELS[s], s),
  }), [t, pick]);
}
