import { TreeSelect } from "antd";
import { useEffect, useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError } from "../../api/hooks.js";
import type { ReferenceItem } from "../../api/types.js";

interface IndustryNode {
  value: string;
  title: string;
  isLeaf: boolean;
  /** A section (门类, a letter) groups divisions: the declaration names a division (大类) or finer. */
  selectable: boolean;
  children?: IndustryNode[];
}

function toNode(item: ReferenceItem): IndustryNode {
  const section = item.level === "section";
  return { value: item.code, title: `${item.code} ${item.name}`, isLeaf: item.level === "class", selectable: !section };
}

async function loadIndustries(parent?: string): Promise<IndustryNode[]> {
  const answer = await api<{ items: ReferenceItem[] }>("/reference/industries", { query: { parent } });
  return answer.items.map(toNode);
}

function attach(nodes: IndustryNode[], value: string, children: IndustryNode[]): IndustryNode[] {
  return nodes.map((n) => {
    if (n.value === value) return { ...n, children, isLeaf: children.length === 0 };
    return n.children ? { ...n, children: attach(n.children, value, children) } : n;
  });
}

function contains(nodes: IndustryNode[], value: string): boolean {
  return nodes.some((n) => n.value === value || (n.children ? contains(n.children, value) : false));
}

/**
 * GB/T 4754-2017 industry (国民经济行业分类), loaded level by level from GET /reference/industries?parent=.
 * A value restored from a draft is shown with its name: the sections are opened until it is found.
 */
export function IndustrySelect(props: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  onError: (error: ApiError | undefined) => void;
  placeholder?: string;
  id?: string;
}) {
  const { value, onError } = props;
  const [nodes, setNodes] = useState<IndustryNode[]>([]);

  useEffect(() => {
    loadIndustries()
      .then(setNodes)
      .catch((cause: unknown) => onError(asApiError(cause)));
  }, [onError]);

  useEffect(() => {
    if (!value || nodes.length === 0 || contains(nodes, value)) return;
    let cancelled = false;
    const sections = nodes.filter((n) => !n.children);
    Promise.all(sections.map(async (s) => [s.value, await loadIndustries(s.value)] as const))
      .then((loaded) => {
        if (cancelled) return;
        setNodes((current) => loaded.reduce((tree, [section, children]) => attach(tree, section, children), current));
      })
      .catch((cause: unknown) => onError(asApiError(cause)));
    return () => {
      cancelled = true;
    };
  }, [value, nodes, onError]);

  async function loadData(node: { value?: unknown; children?: unknown }) {
    if (node.children || typeof node.value !== "string") return;
    const key = node.value;
    try {
      const children = await loadIndustries(key);
      setNodes((current) => attach(current, key, children));
    } catch (cause) {
      onError(asApiError(cause));
    }
  }

  return (
    <TreeSelect
      id={props.id}
      value={value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      treeData={nodes}
      loadData={loadData}
      treeExpandAction="click"
      // At most a few hundred nodes are ever loaded (sections, then the divisions of the opened ones).
      virtual={false}
      showSearch={{ treeNodeFilterProp: "title" }}
      allowClear
      placeholder={props.placeholder}
      style={{ width: "100%" }}
    />
  );
}
