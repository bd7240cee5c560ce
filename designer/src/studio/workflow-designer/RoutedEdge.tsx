import { BaseEdge, useStore, type EdgeProps, type ReactFlowState } from "@xyflow/react";
import { memo, useMemo } from "react";
import { routeEdge, routePath, type Box } from "./edge-routing";

function boxesOf(state: ReactFlowState): Box[] {
  const boxes: Box[] = [];
  for (const node of state.nodeLookup.values()) {
    const { width, height } = node.measured;
    if (width && height) boxes.push({ id: node.id, x: node.internals.positionAbsolute.x, y: node.internals.positionAbsolute.y, width, height });
  }
  return boxes;
}

function sameBoxes(a: Box[], b: Box[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i].id && x.x === b[i].x && x.y === b[i].y && x.width === b[i].width && x.height === b[i].height);
}

/** A connection drawn around the steps in its way (edge-routing.ts), redrawn when a step moves. */
export const RoutedEdge = memo(function RoutedEdge({ id, source, target, sourceX, sourceY, targetX, targetY, style, markerEnd, interactionWidth }: EdgeProps) {
  const boxes = useStore(boxesOf, sameBoxes);
  const path = useMemo(
    () => routePath(routeEdge({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, boxes, source, target)),
    [sourceX, sourceY, targetX, targetY, boxes, source, target],
  );
  return <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} interactionWidth={interactionWidth} />;
});
