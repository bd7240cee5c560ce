import { describe, expect, test } from "vitest";
import { ApiError } from "../../src/studio/api/client";
import { accountRefusal } from "../../src/studio/accounts/account-refusal";
import { resetLinkUrl, roleRowsProblem } from "../../src/studio/accounts/role-rows";
import { format } from "../../src/studio/i18n/messages";

const zh = (key: Parameters<typeof format>[1], values?: Record<string, string | number>) => format("zh-CN", key, values);

describe("account role rows", () => {
  test("an account needs a role, each row a role and an org, and no row twice; the row is counted from 1", () => {
    expect(roleRowsProblem([])).toEqual({ key: "accounts.rowsNeeded" });
    expect(roleRowsProblem([{ role: "reviewer", orgUnitId: 4 }, { role: "admin" }])).toEqual({ key: "accounts.rowIncomplete", row: 2 });
    expect(roleRowsProblem([{ orgUnitId: 4 }])).toEqual({ key: "accounts.rowIncomplete", row: 1 });
    expect(roleRowsProblem([{ role: "reviewer", orgUnitId: 4 }, { role: "admin", orgUnitId: 4 }, { role: "reviewer", orgUnitId: 4 }]))
      .toEqual({ key: "accounts.rowDuplicate", row: 3 });
    expect(roleRowsProblem([{ role: "reviewer", orgUnitId: 4 }, { role: "reviewer", orgUnitId: 5 }])).toBeUndefined();
  });

  test("a refusal leads with the field the server named, a role row's org by its row number", () => {
    const above = new ApiError(403, "Role beyond your subtree", "you may grant roles only at your admin unit and below, not reviewer at '某市总工会'", [], { field: "roles/1/orgUnitId" });
    expect(accountRefusal(above, zh).text).toBe("第 2 行的组织: Role beyond your subtree: you may grant roles only at your admin unit and below, not reviewer at '某市总工会'");
    const taken = new ApiError(409, "userName conflicts", "the user name 'li' is taken", [], { field: "userName" });
    expect(accountRefusal(taken, zh).text).toBe("账号: userName conflicts: the user name 'li' is taken");
    const unknown = new ApiError(422, "invalid limit", "limit must be 1 to 200", [], { field: "limit" });
    expect(accountRefusal(unknown, zh).text).toBe("limit: invalid limit: limit must be 1 to 200");
    expect(accountRefusal(new Error("network down"), zh).text).toBe("network down");
  });

  test("the reset link the admin hands over is whole: this origin and the server's Portal path", () => {
    expect(resetLinkUrl("https://union.example", "/reset-password?account=a1&token=x%2By"))
      .toBe("https://union.example/reset-password?account=a1&token=x%2By");
  });
});
