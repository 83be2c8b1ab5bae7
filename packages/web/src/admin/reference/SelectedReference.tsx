import { Descriptions, Typography } from "antd";
import type { ReferenceItem } from "../../api/types.js";
import { isDictKey, useI18n } from "../../i18n/index.js";

/** The chosen entry of a code table: code, name and level (`levelPrefix` + level names the level in the dictionary). */
export function SelectedReference({ title, item, levelPrefix }: { title: string; item: ReferenceItem | undefined; levelPrefix: "industryLevel_" | "regionLevel_" }) {
  const { t } = useI18n();
  const levelKey = item ? `${levelPrefix}${String(item.level)}` : "";
  return (
    <Descriptions
      style={{ marginTop: 16 }}
      column={1}
      size="small"
      bordered
      title={title}
      items={
        item
          ? [
              { key: "code", label: t("code"), children: <Typography.Text code>{item.code}</Typography.Text> },
              { key: "name", label: t("name"), children: item.name },
              { key: "level", label: t("level"), children: isDictKey(levelKey) ? t(levelKey) : String(item.level) },
            ]
          : [{ key: "none", label: t("name"), children: t("nothingSelected") }]
      }
    />
  );
}
