import { describe, expect, test } from "vitest";
import "../support/served-activities";
import type { ModuleDocument } from "../../src/studio/api/types";
import { indexElements } from "../../src/studio/customisation/element-index";
import { setRefusal } from "../../src/studio/customisation/lock-check";
import { upsertSet } from "../../src/studio/module/module-editing";
import { jsonDiff } from "../../src/studio/versions/json-diff";
import { portsOf } from "../../src/studio/workflow-designer/activity-ports";
import { addActivity, connect, paste, copySelection, renameActivity, setInput } from "../../src/studio/workflow-designer/workflow-edits";
import type { WorkflowDefinition } from "../../src/studio/workflow-designer/workflow-definition";

const wf: WorkflowDefinition = {
  id: "wf",
  activities: [
    { id: "start", type: "start" }, { id: "fork", type: "fork" },
    { id: "review", type: "userTask", inputs: { assignTo: { role: "r" }, outcomes: ["approve", "reject"], deadlineDays: 5 } },
    { id: "a", type: "log", inputs: { text: "a" } }, { id: "b", type: "log", inputs: { text: "b" } },
  ],
  connections: [{ source: "review", outcome: "approve", target: "a" }],
};

describe("workflow edits", () => {
  test("a port holds one connection: connecting it again replaces the target", () => {
    const next = connect(wf, "review", "approve", "b");
    expect(next.connections).toEqual([{ source: "review", outcome: "approve", target: "b" }]);
  });
  test("a fork's done port holds many connections", () => {
    const next = connect(connect(wf, "fork", "done", "a"), "fork", "done", "b");
    expect(next.connections.filter((c) => c.source === "fork")).toEqual([{ source: "fork", target: "a" }, { source: "fork", target: "b" }]);
  });
  test("a port the activity does not have is refused", () => {
    expect(connect(wf, "review", "maybe", "a")).toBe(wf);
  });
  test("a user task's ports are its outcomes plus escalate with a deadline", () => {
    expect(portsOf(wf.activities[2])).toEqual(["approve", "reject", "escalate"]);
    expect(portsOf(setInput(wf, "review", "deadlineDays", undefined).activities[2])).toEqual(["approve", "reject"]);
  });
  test("removing an outcome drops the connection from its port", () => {
    const next = setInput(wf, "review", "outcomes", ["reject"]);
    expect(next.connections).toEqual([]);
  });
  test("new activities get fresh IDs and the type's defaults", () => {
    const one = addActivity(wf, "userTask", { x: 1, y: 2 });
    const two = addActivity(one.workflow, "userTask", { x: 1, y: 2 });
    expect([one.id, two.id]).toEqual(["userTask", "userTask2"]);
    expect(two.workflow.activities.at(-1)!.inputs).toMatchObject({ outcomes: ["approve", "reject"], assignTo: { role: "reviewer" } });
  });
  test("paste renames copies and keeps the connections between them", () => {
    const { workflow, ids } = paste(wf, copySelection(wf, new Set(["review", "a"])));
    expect(ids).toEqual(["review2", "a2"]);
    expect(workflow.connections).toContainEqual({ source: "review2", outcome: "approve", target: "a2" });
  });
  test("rename updates connections and refuses a taken ID", () => {
    expect(renameActivity(wf, "a", "notice").connections).toEqual([{ source: "review", outcome: "approve", target: "notice" }]);
    expect(renameActivity(wf, "a", "b")).toBe(wf);
  });
});

const city = { id: "bj", name: "北京市总工会", level: "city" as const };
const doc = {
  id: "m", name: {}, settings: { days: { value: 15 } }, extensionPoints: [],
  forms: [{ id: "f", version: "1", title: {}, pages: [{ id: "p", sections: [{ id: "employment", fields: [{ id: "employer", key: "employer", type: "text" }] }] }] }],
  workflow: { id: "wf", activities: [{ id: "card", type: "issueMemberCard" }], connections: [] },
  locks: [
    { element: "days", kind: "bounds", path: "/value", min: 3, max: 15, reason: "3–15", by: city },
    { element: "employment", kind: "additionsOnly", existing: ["employer"], by: city },
    { element: "card", kind: "element", reason: "统一发放", by: city },
    { element: "f", kind: "properties", properties: ["/title/zh-CN"], by: { id: "hd", level: "district" as const } },
  ],
} as unknown as ModuleDocument;
const index = indexElements(doc);

describe("lock checks", () => {
  test("bounds: inside taken, outside refused with the reason and org", () => {
    expect(setRefusal(doc, index, "hd", "days", "/value", 10)).toBeUndefined();
    expect(setRefusal(doc, index, "hd", "days", "/value", 16)).toMatchObject({ reason: "3–15", lockedBy: city });
  });
  test("additionsOnly protects the existing children, an element lock everything inside", () => {
    expect(setRefusal(doc, index, "hd", "employer", "/label/zh-CN", "x")).toBeDefined();
    expect(setRefusal(doc, index, "hd", "card", "/inputs/org", "x")?.reason).toBe("统一发放");
  });
  test("my own org's locks do not bind me; overlapping pointers count", () => {
    expect(setRefusal(doc, index, "hd", "f", "/title", {})).toBeUndefined();
    expect(setRefusal(doc, index, "street", "f", "/title", {})).toBeDefined();
    expect(setRefusal(doc, index, "street", "f", "/title/en", "x")).toBeUndefined();
  });
});

describe("overlay sets and diffs", () => {
  test("a second edit of one property updates its set; setting it back removes the override", () => {
    let ops = upsertSet([], "days", "/value", 10, 15);
    ops = upsertSet(ops, "days", "/value", 12, 10);
    expect(ops).toEqual([{ op: "set", element: "days", path: "/value", value: 12, was: 15 }]);
    expect(upsertSet(ops, "days", "/value", 15, 12)).toEqual([]);
  });
  test("arrays of elements are matched by id, so an insertion is one change", () => {
    const before = { fields: [{ id: "a", x: 1 }, { id: "b", x: 2 }] };
    const after = { fields: [{ id: "a", x: 1 }, { id: "n", x: 0 }, { id: "b", x: 3 }] };
    expect(jsonDiff(before, after)).toEqual([
      { path: "/fields/b/x", kind: "changed", before: 2, after: 3 },
      { path: "/fields/n", kind: "added", after: { id: "n", x: 0 } },
    ]);
  });
});
