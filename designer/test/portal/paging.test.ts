import { describe, expect, it } from "vitest";
import { appendPage, pageUrl, replaceItem } from "../../src/portal/paging";

describe("paged lists", () => {
  it("puts only the filters that hold a value into the address, then the cursor", () => {
    expect(pageUrl("/api/cases", { number: " FF-2026 ", applicant: "", status: null, overdue: false, serviceId: 3 }, "41"))
      .toBe("/api/cases?number=FF-2026&serviceId=3&cursor=41");
    expect(pageUrl("/api/tasks", { claim: undefined, overdue: true })).toBe("/api/tasks?overdue=true");
    expect(pageUrl("/api/tasks", {})).toBe("/api/tasks");
  });

  it("appends the next page without showing an item twice, keeping its first place with the newer copy", () => {
    const shown = [{ id: 9, v: "a" }, { id: 8, v: "b" }];
    expect(appendPage(shown, [{ id: 8, v: "b2" }, { id: 7, v: "c" }])).toEqual([{ id: 9, v: "a" }, { id: 8, v: "b2" }, { id: 7, v: "c" }]);
  });

  it("replaces one changed item in place", () => {
    expect(replaceItem([{ id: 1, v: "x" }, { id: 2, v: "y" }], { id: 2, v: "z" })).toEqual([{ id: 1, v: "x" }, { id: 2, v: "z" }]);
  });
});
