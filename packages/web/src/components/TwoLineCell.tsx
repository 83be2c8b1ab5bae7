import { Space, Typography } from "antd";
import type { ReactNode } from "react";

/** A table cell of a name over a secondary line (a project over its unit and code); `code` shows the line as a code. */
export function TwoLineCell({ main, sub, code }: { main: ReactNode; sub: ReactNode; code?: boolean }) {
  return (
    <Space orientation="vertical" size={0}>
      <span>{main}</span>
      <Typography.Text type="secondary" code={code}>
        {sub}
      </Typography.Text>
    </Space>
  );
}
