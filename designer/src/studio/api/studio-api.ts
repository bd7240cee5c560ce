import { request } from "./client";
import type {
  Me, MigrationPlan, ModuleDetails, ModuleDocument, ModulePreview, ModuleSummary, OrgNode, OverlayDocument, OverlayOperation,
  Service, Stats, TestRunResult, UpgradeState,
} from "./types";
import type { WorkflowDefinition } from "../workflow-designer/workflow-definition";

const m = (id: string) => `/api/modules/${encodeURIComponent(id)}`;

/** The server calls Studio makes (API.md: auth, modules, validation, services, stats). */
export const studioApi = {
  login: (userName: string, password: string) => request<Me>("POST", "/api/auth/login", { userName, password }),
  logout: () => request<void>("POST", "/api/auth/logout"),
  me: () => request<Me>("GET", "/api/me"),
  orgs: () => request<OrgNode[]>("GET", "/api/orgs"),

  modules: () => request<ModuleSummary[]>("GET", "/api/modules"),
  module: (id: string) => request<ModuleDetails>("GET", m(id)),
  derive: (id: string, orgUnitId: string | number) => request<ModuleSummary>("POST", `${m(id)}/derive`, { orgUnitId }),
  draft: (id: string) => request<ModuleDocument>("GET", `${m(id)}/draft`),
  saveDraft: (id: string, document: ModuleDocument) => request<unknown>("PUT", `${m(id)}/draft`, document),
  overlay: (id: string) => request<OverlayDocument>("GET", `${m(id)}/overlay`),
  saveOverlay: (id: string, operations: OverlayOperation[]) => request<unknown>("PUT", `${m(id)}/overlay`, { operations }),
  preview: (id: string) => request<ModulePreview>("GET", `${m(id)}/preview`),
  upgrade: (id: string) => request<UpgradeState>("POST", `${m(id)}/upgrade`),
  resolveConflict: (id: string, conflictId: string, choice: "keepMine" | "takeParent" | "edit", value?: unknown) =>
    request<UpgradeState>("POST", `${m(id)}/upgrade/resolve`, { conflictId, choice, value }),
  publish: (id: string) => request<{ version: string; hash: string }>("POST", `${m(id)}/publish`),
  activate: (id: string, orgUnitId: string | number, version?: string) => request<Service>("POST", `${m(id)}/activate`, { orgUnitId, version }),
  migrationDryRun: (id: string, fromVersion: string, toVersion: string) =>
    request<MigrationPlan>("POST", `${m(id)}/migrations/dry-run`, { fromVersion, toVersion }),
  migrationApply: (id: string, fromVersion: string, toVersion: string) =>
    request<MigrationPlan>("POST", `${m(id)}/migrations/apply`, { fromVersion, toVersion }),
  testRun: (id: string, data: unknown, outcomes: Record<string, string>) => request<TestRunResult>("POST", `${m(id)}/test-run`, { data, outcomes }),
  versionDocument: (id: string, version: string) => request<ModuleDocument>("GET", `${m(id)}/versions/${encodeURIComponent(version)}`),

  validateExpression: (expression: string, fields?: string[]) =>
    request<{ ok: boolean; errors: { message: string; position?: unknown }[] }>("POST", "/api/validate/expression", { expression, fields }),
  validateWorkflow: (workflow: WorkflowDefinition) =>
    request<{ errors: { activityId?: string | null; property?: string | null; message: string }[] }>("POST", "/api/validate/workflow", { workflow }),
  importElsa: (json: unknown) => request<WorkflowDefinition>("POST", "/api/import/elsa", { json }),

  services: () => request<Service[]>("GET", "/api/services"),
  stats: (query: { orgUnitId?: string | number; from?: string; to?: string }) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)] as [string, string]));
    return request<Stats>("GET", `/api/stats?${params}`);
  },
  statsExportUrl: (format: "xlsx" | "csv", query: { orgUnitId?: string | number; from?: string; to?: string }) => {
    const params = new URLSearchParams([["format", format], ...Object.entries(query).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)] as [string, string])]);
    return `/api/stats/export?${params}`;
  },
};
