import { Cascader } from "antd";
import { useEffect, useState } from "react";
import { type ApiError, api } from "../api/client.js";
import { asApiError } from "../api/hooks.js";
import type { ReferenceItem } from "../api/types.js";

export interface RegionOption {
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

export async function loadRegions(parent?: string): Promise<RegionOption[]> {
  const answer = await api<{ items: ReferenceItem[] }>("/reference/regions", { query: { parent } });
  return answer.items.map(toOption);
}

/** Region options loaded level by level from the reference endpoints, as a Cascader needs them. */
export function useRegionOptions(onError: (error: ApiError | undefined) => void) {
  const [options, setOptions] = useState<RegionOption[]>([]);
  useEffect(() => {
    loadRegions()
      .then(setOptions)
      .catch((cause: unknown) => onError(asApiError(cause)));
  }, [onError]);

  async function loadData(path: RegionOption[]) {
    const target = path[path.length - 1];
    if (!target) return;
    try {
      const children = await loadRegions(target.value);
      target.children = children;
      if (children.length === 0) target.isLeaf = true;
    } catch (cause) {
      onError(asApiError(cause));
    }
    setOptions((current) => [...current]);
  }
  return { options, loadData };
}

/** A form control whose value is one region code (any level), chosen province → prefecture → county. */
export function RegionCascader(props: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  onError: (error: ApiError | undefined) => void;
  placeholder?: string;
  testId?: string;
}) {
  const { options, loadData } = useRegionOptions(props.onError);
  return (
    <Cascader<RegionOption>
      options={options}
      loadData={(path) => void loadData(path)}
      changeOnSelect
      placeholder={props.placeholder}
      data-testid={props.testId}
      onChange={(_, path) => props.onChange?.(path?.[path.length - 1]?.value)}
    />
  );
}
