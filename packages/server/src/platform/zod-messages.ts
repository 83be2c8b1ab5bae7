/** Chinese for the zod issue kinds people meet on forms; anything rarer falls back to a general message. */
export function zhIssue(issue: { code: string; message: string; minimum?: unknown; maximum?: unknown }): string {
  switch (issue.code) {
    case "invalid_type":
      return "缺少该项或类型不正确";
    case "too_small":
      return `过短或过小（最小 ${String(issue.minimum)}）`;
    case "too_big":
      return `过长或过大（最大 ${String(issue.maximum)}）`;
    case "invalid_format":
    case "invalid_string":
      return "格式不正确";
    case "invalid_value":
    case "invalid_enum_value":
      return "取值不在允许范围内";
    case "unrecognized_keys":
      return "包含不允许的字段";
    default:
      return "取值不符合要求";
  }
}
