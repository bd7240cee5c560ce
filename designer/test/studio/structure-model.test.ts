import { describe, expect, test } from "vitest";
import type { ModuleDocument, OverlayOperation } from "../../src/studio/api/types";
import { indexElements } from "../../src/studio/customisation/element-index";
import { addRefusal, hideRefusal } from "../../src/studio/customisation/lock-check";
import { withoutOperationsOn } from "../../src/studio/customisation/structure-operations";
import { withEstimates } from "../../src/studio/workflow-designer/big-canvas";
import type { ActivityFlowNode } from "../../src/studio/workflow-designer/ActivityNode";

const city = { id: 1, name: "某市总工会", level: "city" as const };
const district = { id: 2, name: "东城区总工会", level: "district" as const };

const module = {
  id: "join", name: { "zh-CN": "入会申请" }, settings: {}, extensionPoints: [],
  forms: [{ id: "f", version: "1", pages: [
    { id: "p1", sections: [{ id: "identity", fields: [{ id: "residentId", key: "residentId", type: "text" }, { id: "email", key: "email", type: "email" }] }] },
    { id: "p2", sections: [{ id: "employment", fields: [{ id: "employer", key: "employer", type: "text" }] }, { id: "card", fields: [] }] },
  ] }],
  workflow: { id: "wf", activities: [], connections: [] },
  locks: [
    { element: "residentId", kind: "notRemovable", by: city },
    { element: "employment", kind: "additionsOnly", existing: ["employment", "employer"], reason: "就业情况由市总工会统一", by: city },
    { element: "card", kind: "element", reason: "会员卡由市总工会统一", by: city },
    { element: "email", kind: "notRemovable", by: district },
  ],
} as unknown as ModuleDocument;
const index = indexElements(module);

describe("structure locks, as the engine's LockBook", () => {
  test("hiding a container refuses when it holds a non-removable element, naming the lock's org", () => {
    expect(hideRefusal(module, index, district.id, "p1")).toMatchObject({ lockedBy: city, lock: { element: "residentId", kind: "notRemovable" } });
    expect(hideRefusal(module, index, district.id, "identity")?.lock?.element).toBe("residentId");
  });
  test("an existing child of an additions-only section cannot be hidden; the lock's reason is given", () => {
    expect(hideRefusal(module, index, district.id, "employer")).toMatchObject({ reason: "就业情况由市总工会统一", lockedBy: city });
  });
  test("my own org's locks do not bind me", () => {
    expect(hideRefusal(module, index, district.id, "email")).toBeUndefined();
    expect(hideRefusal(module, index, city.id, "residentId")).toBeUndefined();
  });
  test("additions are refused only under a whole-element lock; an additions-only section takes them", () => {
    expect(addRefusal(module, index, district.id, "card")).toMatchObject({ reason: "会员卡由市总工会统一" });
    expect(addRefusal(module, index, district.id, "employment")).toBeUndefined();
  });
});

describe("undoing a structure operation", () => {
  test("removing an addition also removes the operations on what it added; a hide is dropped alone", () => {
    const operations: OverlayOperation[] = [
      { op: "add", parent: "identity", definition: { id: "group1", type: "group", fields: [{ id: "inner", key: "inner", type: "text" }] } },
      { op: "set", element: "inner", path: "/label/zh-CN", value: "内", was: null },
      { op: "hide", element: "email" },
      { op: "set", element: "employer", path: "/label/zh-CN", value: "单位", was: "工作单位" },
    ];
    expect(withoutOperationsOn(operations, "group1")).toEqual([operations[2], operations[3]]);
    expect(withoutOperationsOn(operations, "email")).toEqual([operations[0], operations[1], operations[3]]);
  });
});

describe("nodes of a big canvas", () => {
  const node = (measured?: { width: number; height: number }): ActivityFlowNode => ({
    id: "review", type: "activity", position: { x: 0, y: 0 }, ...(measured ? { measured } : {}),
    data: { activity: { id: "review", type: "userTask" }, ports: ["approve", "reject"], label: "", problems: [], visited: false, locked: false },
  });
  test("an unrendered node carries a target handle and one source handle per port, 18 px apart", () => {
    const [n] = withEstimates([node()]);
    expect(n.handles?.map((h) => [h.type, h.id ?? null, h.y])).toEqual([["target", null, 36], ["source", "approve", 39], ["source", "reject", 57]]);
    expect(withEstimates([n])[0]).toBe(n);
  });
  test("a measured node drops the estimates, so React Flow keeps what it measured", () => {
    const [estimated] = withEstimates([node()]);
    const [measured] = withEstimates([{ ...estimated, measured: { width: 214, height: 80 } }]);
    expect(measured.handles).toBeUndefined();
    expect(measured.initialWidth).toBeUndefined();
  });
});
