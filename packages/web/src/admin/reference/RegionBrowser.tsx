import { Cascader, Descriptions, Typography } from "antd";
import { useEffect, useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError } from "../../api/hooks.js";
import type { ReferenceItem } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { isDictKey, useI18n } from "../../i18n/index.js";

interface RegionOption {
  value: string;
  label: string;
  item: ReferenceItem;
  isLeaf: boolean;
  children?: RegionOption[];
}

/** GB/T 2260 levels: 1 province, 2 prefecture, 3 county (a county has no children to load). */
function isCounty(level: ReferenceItem["level"]): boolean {
  return level === 3 || level === "3" || level === "county";
}

function toOption(item: ReferenceItem): RegionOption {
  return { value: item.code, label: `${item.name}（${item.code}）`, item, isLeaf: isCounty(item.level) };
}

async function loadRegions(parent?: string): Promise<RegionOption[]> {
  const answer = await api<{ items: ReferenceItem[] }>("/reference/regions", { query: { parent } });
  return answer.items.map(toOption);
}

export function RegionBrowser() {
  const { t } = useI18n();
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [selected, setSelected] = useState<ReferenceItem>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    loadRegions()
      .then(setOptions)
      .catch((cause: unknown) => setError(asApiError(cause)));
  }, []);

  async function loadData(path: RegionOption[]) {
    const target = path[path.length - 1];
    if (!target) return;
    try {
      const children = await loadRegions(target.value);
      target.children = children;
      if (children.length === 0) target.isLeaf = true;
    } catch (cause) {
      setError(asApiError(cause));
    }
    setOptions((current) => [...current]);
  }

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
