import dagre from "@dagrejs/dagre";
import { nodeHeight, nodeWidth } from "./node-size";
import type { WorkflowDefinition } from "./workflow-definition";

/** Left-to-right layered layout (dagre) of every activity; returns top-left positions by ID. */
export function autoLayout(workflow: WorkflowDefinition): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "LR", nodesep: 30, ranksep: 70 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const a of workflow.activities) graph.setNode(a.id, { width: nodeWidth, height: nodeHeight(a) });
  workflow.connections.forEach((c, i) => {
    if (graph.hasNode(c.source) && graph.hasNode(c.target)) graph.setEdge(c.source, c.target, {}, `e${i}`);
  });
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const a of workflow.activities) {
    const n = graph.node(a.id);
    positions.set(a.id, { x: n.x - n.width / 2, y: n.y - n.height / 2 });
  }
  return positions;
}
