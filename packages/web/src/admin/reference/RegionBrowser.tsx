import { Cascader, Descriptions, Typography } from "antd";
import { useState } from "react";
import type { ApiError } from "../../api/client.js";
import type { ReferenceItem } from "../../api/types.js";
import { type RegionOption, useRegionOptions } from "../../components/RegionCascader.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { isDictKey, useI18n } from "../../i18n/index.js";

export function RegionBrowser() {
  const { t } = useI18n();
  const [selected, setSelected] = useState<ReferenceItem>();
  const [error, setError] = useState<ApiError>();
  const { options, loadData } = useRegionOptions(setError);

  const levelKey = selected ? `regionLevel_${String(selected.level)}` : "";
  return (
    <>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <Cascader<RegionOption>
        options={options}
        loadData={(path) => void loadData(path)}
        changeOnSelect
        placeholder={t("chooseRegion")}
        style={{ width: "100%", maxWidth: 480 }}
        data-testid="region-cascader"
        onChange={(_, path) => setSelected(path?.[path.length - 1]?.item)}
      />
      <Descriptions
        style={{ marginTop: 16 }}
        column={1}
        size="small"
        bordered
        title={t("selectedRegion")}
        items={
          selected
            ? [
                { key: "code", label: t("code"), children: <Typography.Text code>{selected.code}</Typography.Text> },
                { key: "name", label: t("name"), children: selected.name },
                { key: "level", label: t("level"), children: isDictKey(levelKey) ? t(levelKey) : String(selected.level) },
              ]
            : [{ key: "none", label: t("name"), children: t("nothingSelected") }]
        }
      />
    </>
  );
}
