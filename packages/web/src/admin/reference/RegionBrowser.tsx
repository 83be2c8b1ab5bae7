import { Cascader } from "antd";
import { useState } from "react";
import type { ApiError } from "../../api/client.js";
import type { ReferenceItem } from "../../api/types.js";
import { type RegionOption, useRegionOptions } from "../../components/RegionCascader.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { SelectedReference } from "./SelectedReference.js";

export function RegionBrowser() {
  const { t } = useI18n();
  const [selected, setSelected] = useState<ReferenceItem>();
  const [error, setError] = useState<ApiError>();
  const { options, loadData } = useRegionOptions(setError);

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
      <SelectedReference title={t("selectedRegion")} item={selected} levelPrefix="regionLevel_" />
    </>
  );
}
