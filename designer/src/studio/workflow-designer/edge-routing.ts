/**
 * Routes a connection around the steps on the canvas: orthogonal lines from the source port (on a box's right) to the
 * target port (on a box's left), trying the plain step shape first (across, down or up in a gap, across), then a detour
 * along a free horizontal channel between, above or below the boxes; the shortest route that enters no box wins.
 */
export interface Box { id: string; x: number; y: number; width: number; height: number }
export interface Point { x: number; y: number }

/** How far a route leaves its port straight out before it turns, and how far a channel keeps from a box. */
const stub = 16;
const clearance = 10;

/** Whether the axis-aligned segment a→b passes through the inside of the box (touching its edge does not count). */
export function segmentEntersBox(a: Point, b: Point, box: Box): boolean {
  const left = box.x + 0.5, right = box.x + box.width - 0.5, top = box.y + 0.5, bottom = box.y + box.height - 0.5;
  if (a.y === b.y) return a.y > top && a.y < bottom && Math.max(a.x, b.x) > left && Math.min(a.x, b.x) < right;
  if (a.x === b.x) return a.x > left && a.x < right && Math.max(a.y, b.y) > top && Math.min(a.y, b.y) < bottom;
  throw new Error("routes are orthogonal");
}

/** The segments of a route that enter a box: the first may not leave the source box, the last may end inside the target box's edge. */
export function crossings(route: readonly Point[], boxes: readonly Box[], source: string, target: string): { segment: number; box: string }[] {
  const found: { segment: number; box: string }[] = [];
  for (let i = 0; i + 1 < route.length; i++) {
    for (const box of boxes) {
      if ((i === 0 && box.id === source) || (i === route.length - 2 && box.id === target)) continue;
      if (segmentEntersBox(route[i], route[i + 1], box)) found.push({ segment: i, box: box.id });
    }
  }
  return found;
}

function length(route: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < route.length; i++) sum += Math.abs(route[i + 1].x - route[i].x) + Math.abs(route[i + 1].y - route[i].y);
  return sum;
}

/** Drops repeated points and points in the middle of a straight run. */
function simplify(route: Point[]): Point[] {
  const unique = route.filter((p, i) => i === 0 || p.x !== route[i - 1].x || p.y !== route[i - 1].y);
  return unique.filter((p, i) => {
    if (i === 0 || i === unique.length - 1) return true;
    const a = unique[i - 1], c = unique[i + 1];
    return !((a.x === p.x && p.x === c.x) || (a.y === p.y && p.y === c.y));
  });
}

export function routeEdge(from: Point, to: Point, boxes: readonly Box[], source: string, target: string): Point[] {
  const out = from.x + stub;
  const into = to.x - stub;
  const candidates: Point[][] = [];
  if (into >= out) {
    // Across, then down or up in a vertical gap, then across: in the middle or in any gap between boxes on the way.
    const gaps = new Set([Math.round((from.x + to.x) / 2), out, into]);
    for (const b of boxes) {
      for (const x of [b.x - clearance, b.x + b.width + clearance]) if (x >= out && x <= into) gaps.add(x);
    }
    for (const x of gaps) candidates.push([from, { x, y: from.y }, { x, y: to.y }, to]);
  }
  // A detour: out of the port, up or down to a channel, across it, then down or up into the target port.
  const channels = new Set<number>([
    Math.min(...boxes.map((b) => b.y)) - 2 * clearance,
    Math.max(...boxes.map((b) => b.y + b.height)) + 2 * clearance,
  ]);
  for (const b of boxes) { channels.add(b.y - clearance); channels.add(b.y + b.height + clearance); }
  const columns = new Set([out, ...boxes.map((b) => b.x + b.width + clearance).filter((x) => x >= out)]);
  const backs = new Set([into, ...boxes.map((b) => b.x - clearance).filter((x) => x <= into)]);
  for (const y of channels) {
    for (const x1 of [out, ...[...columns].sort((a, b) => a - b).slice(1, 3)]) {
      for (const x2 of [into, ...[...backs].sort((a, b) => b - a).slice(1, 3)]) {
        candidates.push([from, { x: x1, y: from.y }, { x: x1, y }, { x: x2, y }, { x: x2, y: to.y }, to]);
      }
    }
  }
  // Shortest first; the first that enters no box wins.
  const routes = candidates.map(simplify).map((route) => ({ route, cost: length(route) + 4 * route.length })).sort((a, b) => a.cost - b.cost);
  const free = routes.find(({ route }) => crossings(route, boxes, source, target).length === 0);
  // Boxes that overlap can leave no free route: then the plain step shape.
  return free?.route ?? simplify([from, { x: out, y: from.y }, { x: out, y: to.y }, to]);
}

/** An SVG path through the route's points. */
export function routePath(route: readonly Point[]): string {
  return route.map((p, i) => `${i === 0 ? "M" : "L"} ${p.x} ${p.y}`).join(" ");
}
