import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import "../support/served-activities";
import { conformanceRoot } from "../support/conformance-files";
import { format } from "../../src/studio/i18n/messages";
import { portsOf } from "../../src/studio/workflow-designer/activity-ports";
import { activitySpec } from "../../src/studio/workflow-designer/activity-registry";
import type { ActivityFlowNode } from "../../src/studio/workflow-designer/ActivityNode";
import { autoLayout } from "../../src/studio/workflow-designer/auto-layout";
import { openingViewport, readableTitlePx } from "../../src/studio/workflow-designer/big-canvas";
import { titleFontSize } from "../../src/studio/workflow-designer/ActivityNode";
import { canvasNames } from "../../src/studio/workflow-designer/canvas-names";
import { crossings, routeEdge, type Box } from "../../src/studio/workflow-designer/edge-routing";
import { nodeBox, portTop } from "../../src/studio/workflow-designer/node-size";
import { outcomeOf, type WorkflowDefinition } from "../../src/studio/workflow-designer/workflow-definition";

const templates = join(conformanceRoot, "../../module-templates");
const template = (name: string) => JSON.parse(readFileSync(join(templates, name, "workflow.json"), "utf8")) as WorkflowDefinition;
/** Every shipped module template with a workflow. */
const shipped = readdirSync(templates).filter((name) => existsSync(join(templates, name, "workflow.json"))).sort();

/** The boxes ActivityNode draws at the given positions, and where React Flow puts their ports. */
function drawn(workflow: WorkflowDefinition, positions: ReadonlyMap<string, { x: number; y: number }>) {
  const boxes: Box[] = workflow.activities.map((a) => ({ id: a.id, ...positions.get(a.id)!, ...nodeBox(a) }));
  const box = (id: string) => boxes.find((b) => b.id === id)!;
  return workflow.connections.map((c) => {
    const from = box(c.source), to = box(c.target);
    const port = portsOf(workflow.activities.find((a) => a.id === c.source)!).indexOf(outcomeOf(c));
    // The source handle sticks out 6 px right of the box at its label row; the target handle sits on the left border.
    const route = routeEdge({ x: from.x + from.width + 6, y: from.y + 2 + portTop(port) + 7 }, { x: to.x + 3, y: to.y + to.height / 2 }, boxes, c.source, c.target);
    return { connection: `${c.source}:${outcomeOf(c)}->${c.target}`, route, crossed: crossings(route, boxes, c.source, c.target) };
  });
}

describe("the workflow canvas", () => {
  for (const name of ["join", "legal-consultation"]) {
    test(`auto layout of the shipped ${name} workflow routes every connection around the steps`, () => {
      const workflow = template(name);
      const routes = drawn(workflow, autoLayout(workflow));
      expect(routes).toHaveLength(workflow.connections.length);
      expect(routes.filter((r) => r.crossed.length > 0).map((r) => `${r.connection} behind ${r.crossed.map((c) => c.box).join(", ")}`)).toEqual([]);
      // Laid out boxes do not overlap (else no route could avoid them).
      const boxes = workflow.activities.map((a) => ({ id: a.id, ...autoLayout(workflow).get(a.id)!, ...nodeBox(a) }));
      for (const a of boxes) for (const b of boxes) {
        if (a.id < b.id) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    });
  }

  // What a designer sees on opening a shipped module (and what a new module copied from it starts with) is its saved
  // layout, not auto layout: it must route as cleanly.
  test.each(shipped)("the shipped %s workflow's saved layout places every step and routes every connection around the steps", (name) => {
    const workflow = template(name);
    expect(workflow.activities.filter((a) => !a.layout).map((a) => a.id), "steps without a saved position").toEqual([]);
    const saved = new Map(workflow.activities.map((a) => [a.id, a.layout!]));
    const routes = drawn(workflow, saved);
    expect(routes.filter((r) => r.crossed.length > 0).map((r) => `${r.connection} behind ${r.crossed.map((c) => c.box).join(", ")}`)).toEqual([]);
    const boxes = workflow.activities.map((a) => ({ id: a.id, ...saved.get(a.id)!, ...nodeBox(a) }));
    for (const a of boxes) for (const b of boxes) {
      if (a.id < b.id) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y, `${a.id} overlaps ${b.id}`).toBe(true);
    }
  });

  test("a connection back to an earlier step goes around the steps between, not through them", () => {
    const boxes: Box[] = [
      { id: "a", x: 0, y: 0, width: 200, height: 80 },
      { id: "b", x: 300, y: 0, width: 200, height: 80 },
      { id: "c", x: 600, y: 0, width: 200, height: 80 },
    ];
    const route = routeEdge({ x: 806, y: 40 }, { x: 3, y: 40 }, boxes, "c", "a");
    expect(crossings(route, boxes, "c", "a")).toEqual([]);
    expect(route.some((p) => p.y < 0 || p.y > 80)).toBe(true);
  });

  test("node and connection names say what they are and where each outcome leads", () => {
    const workflow = template("join");
    const t = (key: Parameters<typeof format>[1], values?: Record<string, string | number>) => format("zh-CN", key, values);
    const names = canvasNames(workflow, t, (type) => activitySpec(type)?.label["zh-CN"] ?? type);
    const start = workflow.activities.find((a) => a.id === "start")!;
    const review = workflow.activities.find((a) => a.id === "review")!;
    const reviewTitle = names.title("review");
    expect(names.node(start)).toBe(`步骤 start（${activitySpec("start")!.label["zh-CN"]}），结果 done → ${reviewTitle}`);
    expect(names.node(review)).toContain(`步骤 ${reviewTitle}（人工审核），结果 approve → ${names.title("recordHandler")}，结果 reject → ${names.title("markRejected")}`);
    expect(names.edge({ source: "review", outcome: "reject", target: "markRejected" })).toBe(`连线 ${reviewTitle}，结果 reject → ${names.title("markRejected")}`);
    const end = workflow.activities.find((a) => a.type === "end")!;
    expect(names.node(end)).toBe(`步骤 ${names.title(end.id)}（${activitySpec("end")!.label["zh-CN"]}）`);
  });

  test("the join workflow opens at a zoom whose titles are 12 px or more, at its start step, in a 1440×900 Studio's canvas", () => {
    const workflow = template("join");
    const nodes = workflow.activities.map((a) => ({ id: a.id, position: a.layout!, data: { activity: a } })) as unknown as ActivityFlowNode[];
    const view = { width: 920, height: 640 };
    const viewport = openingViewport(nodes, view)!;
    expect(viewport.zoom * titleFontSize).toBeGreaterThanOrEqual(readableTitlePx);
    const start = workflow.activities.find((a) => a.type === "start")!.layout!;
    const screenX = start.x * viewport.zoom + viewport.x, screenY = start.y * viewport.zoom + viewport.y;
    expect(screenX).toBeGreaterThanOrEqual(0);
    expect(screenX).toBeLessThan(view.width / 2);
    expect(screenY).toBeGreaterThan(0);
    expect(screenY).toBeLessThan(view.height);
    // A small workflow fits as a whole (React Flow's fitView).
    expect(openingViewport(nodes.slice(0, 2), view)).toBeUndefined();
  });
});
