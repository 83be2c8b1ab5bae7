import { CASE_STATUSES, PROJECT_STATUSES, REPORT_KINDS, UNIT_CHANGE_KINDS } from "@tzxm/shared";
import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { zh } from "./zh.js";

type Dict = Record<string, string>;

/** The Chinese status and kind names come from packages/shared (one source with the server's messages). */
describe("status and kind labels from packages/shared", () => {
  const families: [string, readonly string[]][] = [
    ["status_", PROJECT_STATUSES],
    ["matterStatus_", CASE_STATUSES],
    ["implKind_", REPORT_KINDS],
    ["chgTitle_", UNIT_CHANGE_KINDS],
  ];

  it.each(families)("every %s value has a Chinese and an English text", (prefix, values) => {
    for (const value of values) {
      expect((zh as Dict)[`${prefix}${value}`], `${prefix}${value}`).toMatch(/\p{Script=Han}/u);
      expect((en as Dict)[`${prefix}${value}`], `${prefix}${value}`).toMatch(/[A-Za-z]/);
    }
  });

  it("shows the same words as before the move (browser tests compare texts)", () => {
    expect([zh.status_superseded, zh.status_approved, zh.matterStatus_notified, zh.matterStatus_paused]).toEqual(["已重新赋码", "已办结", "告知应办", "暂停计时"]);
    expect([zh.implKind_progress, zh.implKind_delay, zh.chgTitle_adjustment, zh.chgTitle_withdrawal]).toEqual(["建设进度", "延期开工", "项目变更申请", "项目撤回申请"]);
  });
});
