import { Tree, Typography } from "antd";
import type { DataNode, EventDataNode } from "antd/es/tree";
import { useEffect, useState } from "react";
import { type ApiError, api } from "../../api/client.js";
import { asApiError } from "../../api/hooks.js";
import type { ReferenceItem } from "../../api/types.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useI18n } from "../../i18n/index.js";
import { SelectedReference } from "./SelectedReference.js";

interface IndustryNode extends DataNode {
  key: string;
  item: ReferenceItem;
  children?: IndustryNode[];
}

/** GB/T 4754-2017: section (门类) › division (大类) › group (中类) › class (小类); a class has no children. */
function toNode(item: ReferenceItem): IndustryNode {
  return {
    key: item.code,
    title: `${item.code} ${item.name}`,
    item,
    isLeaf: item.level === "class" || item.level === 4,
  };
}

function replaceChildren(nodes: IndustryNode[], key: string, children: IndustryNode[]): IndustryNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children, isLeaf: children.length === 0 };
    if (node.children) return { ...node, children: replaceChildren(node.children, key, children) };
    return node;
  });
}

async function loadIndustries(parent?: string): Promise<IndustryNode[]> {
  const answer = await api<{ items: ReferenceItem[] }>("/reference/industries", { query: { parent } });
  return answer.items.map(toNode);
}

export function IndustryTree() {
  const { t } = useI18n();
  const [nodes, setNodes] = useState<IndustryNode[]>([]);
  const [selected, setSelected] = useState<ReferenceItem>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    loadIndustries()
      .then(setNodes)
      .catch((cause: unknown) => setError(asApiError(cause)));
  }, []);

  async function loadData(node: EventDataNode<IndustryNode>) {
    if (node.children) return;
    try {
      const children = await loadIndustries(node.key);
      setNodes((current) => replaceChildren(current, node.key, children));
    } catch (cause) {
      setError(asApiError(cause));
    }
  }

  return (
    <>
      <Typography.Paragraph type="secondary">{t("treeHint")}</Typography.Paragraph>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      <div style={{ maxHeight: 420, overflow: "auto", border: "1px solid #f0f0f0", padding: 8 }}>
        <Tree<IndustryNode>
          treeData={nodes}
          loadData={loadData}
          data-testid="industry-tree"
          onSelect={(_, info) => setSelected(info.node.item)}
        />
      </div>
      <SelectedReference title={t("selectedIndustry")} item={selected} levelPrefix="industryLevel_" />
    </>
  );
}
