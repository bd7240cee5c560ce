import { Position, type NodeHandle, type Viewport } from "@xyflow/react";
import { titleFontSize, type ActivityFlowNode } from "./ActivityNode";

/**
 * How a canvas of many activities stays quick to open (with onlyRenderVisibleElements): it opens at a readable zoom
 * on its top-left corner instead of fitting everything in, and nodes not rendered yet carry the size and handle
 * positions React Flow would measure, so it draws their edges and the minimap without rendering (and measuring)
 * every node first. A node measures itself once rendered; from then on the measured values count.
 */
/** The smallest on-screen size of a step's title the canvas opens with, and the zoom that gives it. */
export const readableTitlePx = 12;
export const readableZoom = readableTitlePx / titleFontSize;
const zoom = readableZoom;

export function topLeftViewport(nodes: readonly ActivityFlowNode[]): Viewport {
  const minX = Math.min(...nodes.map((n) => n.position.x));
  const minY = Math.min(...nodes.map((n) => n.position.y));
  return { x: 40 - minX * zoom, y: 40 - minY * zoom, zoom };
}

// ActivityNode's box as Chromium measures it: 190 px content, 8 px padding each side, a 6 px left and 2 px right
// border; 64 px minimum content height, 6 px padding, 2 px borders. Handles are 8 px: the target centred on the left
// border, one source per port 18 px apart on the right.
const size = { width: 214, height: 80 };
const handle = 8;

function estimatedHandles(node: ActivityFlowNode): NodeHandle[] {
  const { activity, ports } = node.data;
  return [
    ...(activity.type === "start" ? [] : [{ type: "target" as const, position: Position.Left, x: 2, y: size.height / 2 - handle / 2, width: handle, height: handle }]),
    ...ports.map((id, i) => ({ type: "source" as const, id, position: Position.Right, x: size.width + 2, y: 39 + i * 18, width: handle, height: handle })),
  ];
}

/** Unmeasured nodes with estimates; measured ones without (so React Flow keeps what it measured). Unchanged nodes stay as they are. */
export function withEstimates(nodes: ActivityFlowNode[]): ActivityFlowNode[] {
  return nodes.map((n) => {
    if (n.measured?.width !== undefined) return n.handles ? { ...n, handles: undefined, initialWidth: undefined, initialHeight: undefined } : n;
    return n.handles ? n : { ...n, handles: estimatedHandles(n), initialWidth: size.width, initialHeight: size.height };
  });
}

/**
 * How a canvas opens in a view of `view` px: undefined when fitting every step in (with React Flow's 10 % padding) keeps
 * titles readable, so the canvas fits; else at the readable zoom with the start step at the left, centred vertically,
 * and the user pans from there.
 */
export function openingViewport(nodes: readonly ActivityFlowNode[], view: { width: number; height: number }): Viewport | undefined {
  if (nodes.length === 0 || view.width <= 0 || view.height <= 0) return undefined;
  const box = (n: ActivityFlowNode) => ({ x: n.position.x, y: n.position.y, width: n.measured?.width ?? size.width, height: n.measured?.height ?? size.height });
  const boxes = nodes.map(box);
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const width = Math.max(...boxes.map((b) => b.x + b.width)) - minX;
  const height = Math.max(...boxes.map((b) => b.y + b.height)) - minY;
  const fitting = Math.min(view.width / (width * 1.1), view.height / (height * 1.1));
  if (fitting >= readableZoom) return undefined;
  const start = boxes[Math.max(0, nodes.findIndex((n) => n.data.activity.type === "start"))];
  return { x: 40 - start.x * readableZoom, y: view.height / 2 - (start.y + start.height / 2) * readableZoom, zoom: readableZoom };
}
