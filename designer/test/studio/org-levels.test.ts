import { describe, expect, it } from "vitest";
import type { OrgNode } from "../../src/studio/api/types";
import { childLevels, countOrgs, findOrg } from "../../src/studio/orgs/org-levels";

const node = (id: number, level: OrgNode["level"], children: OrgNode[] = []): OrgNode =>
  ({ id, name: `unit ${id}`, level, parentId: null, path: `/${id}/`, archived: false, children });

describe("org levels", () => {
  it("offers only the levels below a unit's own for a new unit under it", () => {
    expect(childLevels("district")).toEqual(["street", "grassroots"]);
    expect(childLevels("grassroots")).toEqual([]);
  });

  it("finds a unit anywhere in the forest and counts every unit", () => {
    const forest = [node(1, "city", [node(2, "district", [node(3, "street")]), node(4, "district")])];
    expect(findOrg(forest, 3)?.name).toBe("unit 3");
    expect(findOrg(forest, 9)).toBeUndefined();
    expect(countOrgs(forest)).toBe(4);
  });
});
