import {
  Background, Controls, MiniMap, ReactFlow, applyNodeChanges, type Connection, type ReactFlowInstance, type Edge, type EdgeChange, type NodeChange,
} from "@xyflow/react";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { ActivityNode, type ActivityFlowNode } from "./ActivityNode";
import { RoutedEdge } from "./RoutedEdge";
import { openingViewport, topLeftViewport, withEstimates } from "./big-canvas";

const nodeTypes = { activity: ActivityNode };
const edgeTypes = { routed: RoutedEdge };

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
  // Read once: the viewport a canvas of many steps opens with (the user pans and zooms from there).
  const [opening] = useState(() => (many && nodes.length > 0 ? topLeftViewport(nodes) : undefined));
  const frame = useRef<HTMLDivElement>(null);
  const { t } = useI18n();
  // React Flow's own screen-reader texts, in the Studio's language.
  const ariaLabelConfig = useMemo(() => ({
    "node.a11yDescription.default": t("wf.a11yNode"),
    "node.a11yDescription.keyboardDisabled": t("wf.a11yNode"),
    "node.a11yDescription.ariaLiveMessage": ({ x, y }: { direction: string; x: number; y: number }) => t("wf.a11yMoved", { x, y }),
    "edge.a11yDescription.default": t("wf.a11yEdge"),
    "controls.ariaLabel": t("wf.controls"),
    "controls.zoomIn.ariaLabel": t("wf.zoomIn"),
    "controls.zoomOut.ariaLabel": t("wf.zoomOut"),
    "controls.fitView.ariaLabel": t("wf.fitView"),
    "controls.interactive.ariaLabel": t("wf.interactive"),
    "minimap.ariaLabel": t("wf.minimap"),
  }), [t]);
  // Fitting everything in unless that makes titles too small to read: then the start step at a readable zoom.
  const onInit = useCallback((flow: ReactFlowInstance<ActivityFlowNode, Edge>) => {
    if (opening) return;
    const view = frame.current?.getBoundingClientRect();
    const readable = view ? openingViewport(flow.getNodes(), view) : undefined;
    if (readable) void flow.setViewport(readable);
    else void flow.fitView();
  }, [opening]);
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
      ref={frame} nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} onInit={onInit}
      onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect}
      nodesConnectable={connectable} deleteKeyCode={null} defaultViewport={opening} minZoom={0.1} onlyRenderVisibleElements={many} ariaLabelConfig={ariaLabelConfig}
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <Controls />
      <MiniMap pannable zoomable />
    </ReactFlow>
  );
});
