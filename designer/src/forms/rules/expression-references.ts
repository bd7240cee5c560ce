import { parseExpressionAt, type Node } from "acorn";

/** A key a rule reads, after `data.` or `item.` (also `data["key"]`). */
export interface ExpressionReferences {
  data: string[];
  item: string[];
}

/**
 * Which form data a rule reads, as the server's ExpressionReferences finds it; null when the source does not parse
 * (the expression check reports that). The walk is iterative, so a deeply nested source cannot exhaust the stack.
 */
export function findReferences(source: string): ExpressionReferences | null {
  let root: Node;
  try {
    root = parseExpressionAt(source, 0, { ecmaVersion: "latest" });
  } catch {
    return null;
  }
  const references: ExpressionReferences = { data: [], item: [] };
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop() as Record<string, any> | null;
    if (!node || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    if (node.type === "MemberExpression" && node.object?.type === "Identifier" && (node.object.name === "data" || node.object.name === "item")) {
      const key = node.property.type === "Identifier" && !node.computed ? node.property.name
        : node.property.type === "Literal" && typeof node.property.value === "string" ? node.property.value : undefined;
      if (key !== undefined) references[node.object.name as "data" | "item"].push(key);
    }
    for (const name of Object.keys(node)) {
      const child = node[name];
      if (name !== "loc" && child && typeof child === "object") pending.push(child);
    }
  }
  return references;
}
