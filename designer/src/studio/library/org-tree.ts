import type { OrgNode } from "../api/types";

/** The org tree as antd's TreeSelect takes it. */
export function orgTreeData(nodes: OrgNode[]): { value: string | number; title: string; children: ReturnType<typeof orgTreeData> }[] {
  return nodes.map((n) => ({ value: n.id, title: n.name, children: orgTreeData(n.children ?? []) }));
}
