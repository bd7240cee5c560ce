import dagre from "@dagrejs/dagre";
import { nodeBox } from "./node-size";
import type { WorkflowDefinition } from "./workflow-definition";

/**
 * Left-to-right layered layout (dagre) of every activity; returns top-left positions by ID. Ranks keep 90 px apart and
 * steps 40 px, so connections routed around steps (edge-routing.ts) find free gaps and channels between them.
 */
export function autoLayout(workflow: WorkflowDefinition): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: 40, ranksep: 90, edgesep: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const a of workflow.activities) graph.setNode(a.id, nodeBox(a));
  workflow.connections.forEach((c, i) => {
    if (graph.hasNode(c.source) && graph.hasNode(c.target)) graph.setEdge(c.source, c.target, {}, `e${i}`);
  });
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const a of workflow.activities) {
    const n = graph.node(a.id);
    positions.set(a.id, { x: Math.round(n.x - n.width / 2), y: Math.round(n.y - n.height / 2) });
  }
  return positions;
}
