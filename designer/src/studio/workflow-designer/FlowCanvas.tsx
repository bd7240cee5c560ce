import {
  Background, Controls, MiniMap, ReactFlow, applyNodeChanges, type Connection, type Edge, type EdgeChange, type NodeChange,
} from "@xyflow/react";
import { memo, useCallback, useEffect, useState } from "react";
import { ActivityNode, type ActivityFlowNode } from "./ActivityNode";
import { topLeftViewport, withEstimates } from "./big-canvas";

const nodeTypes = { activity: ActivityNode };

export interface FlowCanvasProps {
  /** Next nodes from the current ones (keeping unchanged nodes as they are). */
  rebuild(previous: ActivityFlowNode[]): ActivityFlowNode[];
  edges: Edge[];
  onSelect(changes: { id: string; selected: boolean }[]): void;
  onMoved(positions: Map<string, { x: number; y: number }>): void;
  onConnect(connection: Connection): void;
  onEdgesChange(changes: EdgeChange[]): void;
  connectable: boolean;
  many: boolean;
}

/**
 * The React Flow canvas with its own node state, so the frames of a drag re-render only the canvas, not the palette and
 * property panel around it; the definition is updated once, when the drag ends.
 */
export const FlowCanvas = memo(function FlowCanvas({ rebuild, edges, onSelect, onMoved, onConnect, onEdgesChange, connectable, many }: FlowCanvasProps) {
  const prepare = useCallback((next: ActivityFlowNode[]) => (many ? withEstimates(next) : next), [many]);
  const [nodes, setNodes] = useState<ActivityFlowNode[]>(() => prepare(rebuild([])));
  // Read once: the viewport a canvas opens with (the user pans and zooms from there).
  const [opening] = useState(() => (many && nodes.length > 0 ? topLeftViewport(nodes) : undefined));
  useEffect(() => setNodes((current) => prepare(rebuild(current))), [rebuild, prepare]);
  const onNodesChange = useCallback((changes: NodeChange<ActivityFlowNode>[]) => {
    const kept = changes.filter((c) => c.type !== "remove");
    setNodes((current) => prepare(applyNodeChanges(kept, current)));
    const selection = kept.flatMap((c) => (c.type === "select" ? [{ id: c.id, selected: c.selected }] : []));
    if (selection.length) onSelect(selection);
    const moved = new Map<string, { x: number; y: number }>();
    for (const c of kept) if (c.type === "position" && c.dragging === false && c.position) moved.set(c.id, c.position);
    if (moved.size) onMoved(moved);
  }, [onSelect, onMoved, prepare]);
  return (
    <ReactFlow<ActivityFlowNode, Edge>
      nodes={nodes} edges={edges} nodeTypes={nodeTypes}
      onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect}
      nodesConnectable={connectable} deleteKeyCode={null} fitView={!opening} defaultViewport={opening} minZoom={0.1} onlyRenderVisibleElements={many}
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <Controls />
      <MiniMap pannable zoomable />
    </ReactFlow>
  );
});
