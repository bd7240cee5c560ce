import { describe, expect, test } from "vitest";
import type { ModuleDocument, OverlayOperation } from "../../src/studio/api/types";
import { indexElements } from "../../src/studio/customisation/element-index";
import { elementRows } from "../../src/studio/customisation/element-status";
import { moveRefusal } from "../../src/studio/customisation/lock-check";
import { moveIntoOperation, moveTargets, stepOperation, withMove, type MoveOperation } from "../../src/studio/customisation/move-operations";

const city = { id: 1, name: "某市总工会", level: "city" as const };
const district = { id: 2, name: "东城区总工会", level: "district" as const };

const module = {
  id: "join", name: { "zh-CN": "入会申请" }, settings: { fee: { value: 1 } }, extensionPoints: [],
  forms: [
    { id: "f", version: "1", pages: [
      { id: "p1", sections: [
        { id: "identity", fields: [{ id: "name", key: "name", type: "text" }, { id: "sex", key: "sex", type: "choice" }, { id: "age", key: "age", type: "number" }] },
        { id: "history", fields: [{ id: "work", key: "work", type: "group", fields: [{ id: "from", key: "from", type: "date" }, { id: "to", key: "to", type: "date" }] }] },
      ] },
      { id: "p2", sections: [{ id: "employment", fields: [{ id: "employer", key: "employer", type: "text" }, { id: "park", key: "park", type: "text" }] }, { id: "card", fields: [] }] },
    ] },
    { id: "other", version: "1", pages: [{ id: "op", sections: [{ id: "elsewhere", fields: [] }] }] },
  ],
  workflow: { id: "wf", activities: [{ id: "start", type: "start" }], connections: [] },
  locks: [
    { element: "employment", kind: "additionsOnly", existing: ["employment", "employer"], reason: "就业情况由市总工会统一", by: city },
    { element: "card", kind: "element", reason: "会员卡由市总工会统一", by: city },
    { element: "sex", kind: "notRemovable", by: city },
    { element: "name", kind: "element", by: district },
  ],
} as unknown as ModuleDocument;
const index = indexElements(module);

describe("building a move", () => {
  test("up goes before the sibling above, down after the sibling below, in the same container", () => {
    expect(stepOperation(index, "sex", "up")).toEqual({ op: "move", element: "sex", parent: "identity", before: "name" });
    expect(stepOperation(index, "sex", "down")).toEqual({ op: "move", element: "sex", parent: "identity", after: "age" });
    expect(stepOperation(index, "p2", "up")).toEqual({ op: "move", element: "p2", parent: "f", before: "p1" });
    expect(stepOperation(index, "to", "up")).toEqual({ op: "move", element: "to", parent: "work", before: "from" });
  });

  test("the first cannot go up nor the last down; what does not move is refused by name", () => {
    expect(() => stepOperation(index, "name", "up")).toThrow("'name' is already first in 'identity'");
    expect(() => stepOperation(index, "card", "down")).toThrow("'card' is already last in 'p2'");
    expect(() => stepOperation(index, "f", "down")).toThrow("only pages, sections and fields move; 'f' is a form");
    expect(() => stepOperation(index, "start", "down")).toThrow("'start' is a activity");
    expect(() => stepOperation(index, "nothing", "down")).toThrow("the module has no element 'nothing'");
  });

  test("into another container it goes last; only into a container of its kind", () => {
    expect(moveIntoOperation(index, "age", "employment")).toEqual({ op: "move", element: "age", parent: "employment" });
    expect(moveIntoOperation(index, "history", "p2")).toEqual({ op: "move", element: "history", parent: "p2" });
    expect(moveIntoOperation(index, "age", "work")).toEqual({ op: "move", element: "age", parent: "work" });
    expect(() => moveIntoOperation(index, "age", "p2")).toThrow("a field cannot go into 'p2' (page)");
    expect(() => moveIntoOperation(index, "age", "name")).toThrow("a field cannot go into 'name' (field)");
    expect(() => moveIntoOperation(index, "age", "gone")).toThrow("the module has no element 'gone'");
  });

  test("a field may go to the other sections of its form, a section to the other pages, a page nowhere", () => {
    expect(moveTargets(index, "age").map((e) => e.id)).toEqual(["history", "employment", "card"]);
    expect(moveTargets(index, "from").map((e) => e.id)).toEqual(["identity", "history", "employment", "card"]);
    expect(moveTargets(index, "identity").map((e) => e.id)).toEqual(["p2"]);
    expect(moveTargets(index, "p1")).toEqual([]);
  });
});

describe("the overlay with a move", () => {
  const hide: OverlayOperation = { op: "hide", element: "park" };
  test("a later move of the same element replaces the earlier one when nothing since names it", () => {
    const first = stepOperation(index, "age", "up");
    const second: MoveOperation = { op: "move", element: "age", parent: "identity", before: "name" };
    const set: OverlayOperation = { op: "set", element: "name", path: "/label/zh-CN", value: "名", was: null };
    expect(withMove([first, set], second)).toEqual([set, second]);
  });
  test("the earlier move stays when a later operation anchors on the element, or anything is hidden since", () => {
    const first: OverlayOperation = { op: "move", element: "age", parent: "employment" };
    const anchored: OverlayOperation = { op: "move", element: "sex", parent: "employment", after: "age" };
    const again: MoveOperation = { op: "move", element: "age", parent: "identity" };
    expect(withMove([first, anchored], again)).toEqual([first, anchored, again]);
    expect(withMove([first, hide], again)).toEqual([first, hide, again]);
  });
  test("a moved element is overridden here", () => {
    const rows = elementRows(module, index, {}, district.id, [{ op: "move", element: "age", parent: "identity", before: "name" }]);
    expect(rows.find((r) => r.id === "age")).toMatchObject({ status: "overridden", movedHere: true });
    expect(rows.find((r) => r.id === "name")).toMatchObject({ status: "inherited", movedHere: false });
  });
});

describe("locks on a move, as the engine's move", () => {
  test("an existing child of an additions-only section cannot move, with the lock's reason and org", () => {
    expect(moveRefusal(module, index, district.id, "employer", "employment")).toMatchObject({ reason: "就业情况由市总工会统一", lockedBy: city });
    expect(moveRefusal(module, index, district.id, "employer", "identity")?.lock?.kind).toBe("additionsOnly");
    expect(moveRefusal(module, index, district.id, "employment", "p1")?.lock?.kind).toBe("additionsOnly");
  });
  test("nothing moves into a section locked as a whole; an additions-only section takes new children", () => {
    expect(moveRefusal(module, index, district.id, "age", "card")).toMatchObject({ reason: "会员卡由市总工会统一", lockedBy: city });
    expect(moveRefusal(module, index, district.id, "age", "employment")).toBeUndefined();
    expect(moveRefusal(module, index, district.id, "park", "employment")).toBeUndefined();
  });
  test("a non-removable element still moves; my own org's locks do not bind me", () => {
    expect(moveRefusal(module, index, district.id, "sex", "identity")).toBeUndefined();
    expect(moveRefusal(module, index, district.id, "name", "history")).toBeUndefined();
    expect(moveRefusal(module, index, 3, "name", "history")).toMatchObject({ lock: { element: "name", kind: "element" } });
  });
});
