import type { AccountRoleView, GrantRequest } from "../../api/openapi-types";
import type { MessageKey } from "../i18n/messages";

/** The roles an admin grants (engine/FormFlow.Persistence/Accounts/Roles.cs). */
export const roleNames = ["designer", "admin", "reviewer", "lawyer", "analyst", "worker", "merchant", "expert"] as const;

export const roleKey = (role: string) => `accounts.role.${role}` as MessageKey;

/** One role × org row of the create and edit dialogs; empty until the admin picks both. */
export interface RoleRow { role?: string; orgUnitId?: number }

/** What keeps the rows from being sent, with the row it names (1-based, as the admin counts them). */
export type RowProblem = { key: "accounts.rowsNeeded" } | { key: "accounts.rowIncomplete" | "accounts.rowDuplicate"; row: number };

/** The first problem of the rows: none at all, a row missing its role or org, or a row repeating an earlier one. */
export function roleRowsProblem(rows: RoleRow[]): RowProblem | undefined {
  if (rows.length === 0) return { key: "accounts.rowsNeeded" };
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (!row.role || row.orgUnitId === undefined) return { key: "accounts.rowIncomplete", row: i + 1 };
    const key = `${row.role}@${row.orgUnitId}`;
    if (seen.has(key)) return { key: "accounts.rowDuplicate", row: i + 1 };
    seen.add(key);
  }
  return undefined;
}

export const grantsOf = (rows: RoleRow[]): GrantRequest[] => rows.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId }));

export const rowsOf = (roles: AccountRoleView[]): RoleRow[] => roles.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId }));

/**
 * The request field a refusal names, as the admin reads it: `roles/0/orgUnitId` is the org of the first role row.
 * Unknown fields come back as they are, so nothing the server said is lost.
 */
export function fieldLabel(field: string): { key: MessageKey; values?: Record<string, number> } | { raw: string } {
  const row = /^roles\/(\d+)\/(role|orgUnitId)$/.exec(field);
  if (row) return { key: row[2] === "role" ? "accounts.field.rowRole" : "accounts.field.rowOrg", values: { row: Number(row[1]) + 1 } };
  const plain: Record<string, MessageKey> = {
    userName: "accounts.userName", displayName: "accounts.displayName", password: "accounts.password", roles: "accounts.roles", id: "accounts.userName",
  };
  return field in plain ? { key: plain[field] } : { raw: field };
}

/** The link the person opens: the server gives it relative to the Portal, which is served from this same origin. */
export const resetLinkUrl = (origin: string, link: string) => new URL(link, origin).toString();
