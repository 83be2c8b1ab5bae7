import { Cascader } from "antd";
import { useEffect, useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError } from "../../api/hooks.js";
import { loadRegions, type RegionOption } from "../../components/RegionCascader.js";

interface RegionDetail {
  code: string;
  path: { code: string }[];
}

/** Hangs `children` under the option with `code`, wherever it sits in the tree. */
function attach(options: RegionOption[], code: string, children: RegionOption[]): RegionOption[] {
  return options.map((o) => {
    if (o.value === code) return { ...o, children, isLeaf: children.length === 0 };
    return o.children ? { ...o, children: attach(o.children, code, children) } : o;
  });
}

/**
 * The region of a construction site, chosen province → prefecture → county (the options and their loading are
 * those of components/RegionCascader.tsx). Unlike that control it also shows a value it did not pick itself —
 * a site restored from a draft — by loading the levels above it.
 */
export function SiteRegionCascader(props: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  onError: (error: ApiError | undefined) => void;
  placeholder?: string;
  id?: string;
  testId?: string;
}) {
  const { value, onChange, onError } = props;
  const [options, setOptions] = useState<RegionOption[]>([]);
  const [path, setPath] = useState<string[]>([]);

  useEffect(() => {
    loadRegions()
      .then((provinces) => setOptions((current) => (current.length ? current : provinces)))
      .catch((cause: unknown) => onError(asApiError(cause)));
  }, [onError]);

  // A value that is not the end of the shown path came from outside (a restored draft): load its ancestors.
  useEffect(() => {
    if (!value) {
      setPath((current) => (current.length ? [] : current));
      return;
    }
    if (path[path.length - 1] === value) return;
    let cancelled = false;
    (async () => {
      const detail = await api<RegionDetail>(`/reference/regions/${encodeURIComponent(value)}`);
      const ancestors = detail.path.map((p) => p.code);
      const levels = await Promise.all([loadRegions(), ...ancestors.map((code) => loadRegions(code))]);
      if (cancelled) return;
      let tree = levels[0] ?? [];
      ancestors.forEach((code, i) => {
        tree = attach(tree, code, levels[i + 1] ?? []);
      });
      setOptions(tree);
      setPath([...ancestors, value]);
    })().catch((cause: unknown) => {
      if (!cancelled) onError(asApiError(cause));
    });
    return () => {
      cancelled = true;
    };
  }, [value, path, onError]);

  async function loadData(selected: RegionOption[]) {
    const target = selected[selected.length - 1];
    if (!target) return;
    try {
      const children = await loadRegions(target.value);
      setOptions((current) => attach(current, target.value, children));
    } catch (cause) {
      onError(asApiError(cause));
    }
  }

  return (
    <Cascader<RegionOption>
      id={props.id}
      data-testid={props.testId}
      options={options}
      value={path}
      loadData={(selected) => void loadData(selected)}
      changeOnSelect
      placeholder={props.placeholder}
      onChange={(values) => {
        const next = (values ?? []).map(String);
        setPath(next);
        onChange?.(next[next.length - 1]);
      }}
    />
  );
}
