import { request, requestTagged, upload } from "./client";
import type {
  Impact, Me, MigrationPlan, ModuleCopy, ModuleDetails, ModuleDocument, ModulePreview, ModuleSummary, NewModule, OrgLevel, OrgNode, OverlayDocument, OverlayOperation,
  PublishResult, Results, Service, TestRunResult, UpgradeState,
} from "./types";
import type {
  AccountAdminView, AccountPage, ActivityDescriptor, AuditPage, BenefitName, CreateAccountRequest, DeliveryPage, FailedEffectPage, GrantRequest, ImportView,
  ManagedMerchantPage, MerchantRequest, MerchantView, OrgImportView, OrgUnitView, ResetLinkView,
} from "../../api/openapi-types";
import type { WorkflowDefinition } from "../workflow-designer/workflow-definition";

type Id = string | number;
const m = (id: Id) => `/api/modules/${encodeURIComponent(String(id))}`;
const a = (id: string) => `/api/accounts/${encodeURIComponent(id)}`;
/** A query string of the given values, leaving out the empty ones. */
const query = (values: Record<string, string | number | null | undefined>) =>
  new URLSearchParams(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== "").map(([k, v]) => [k, String(v)] as [string, string])).toString();

/** The server calls Studio makes (API.md: auth, modules, validation, services; the dashboards have their own: figures-api.ts). */
export const studioApi = {
  login: (userName: string, password: string) => request<Me>("POST", "/api/auth/login", { userName, password }),
  logout: () => request<void>("POST", "/api/auth/logout"),
  me: () => request<Me>("GET", "/api/me"),
  orgs: (archived = false) => request<OrgNode[]>("GET", archived ? "/api/orgs?archived=true" : "/api/orgs"),
  createOrg: (body: { parentId: number; name: string; level: OrgLevel }) => request<OrgUnitView>("POST", "/api/orgs", body),
  updateOrg: (id: number, body: { name?: string; parentId?: number }) => request<OrgUnitView>("PATCH", `/api/orgs/${id}`, body),
  archiveOrg: (id: number) => request<OrgUnitView>("POST", `/api/orgs/${id}/archive`),
  uploadFile: upload,
  importOrgs: (fileId: string, dryRun: boolean) => request<OrgImportView>("POST", "/api/orgs/import", { fileId, dryRun }),
  accounts: (q: string, cursor?: string | null) => {
    const params = new URLSearchParams([["q", q], ...(cursor ? [["cursor", cursor]] : [])]);
    return request<AccountPage>("GET", `/api/accounts?${params}`);
  },
  createAccount: (body: CreateAccountRequest) => request<AccountAdminView>("POST", "/api/accounts", body),
  setAccountRoles: (id: string, roles: GrantRequest[]) => request<AccountAdminView>("PUT", `${a(id)}/roles`, { roles }),
  setAccountDisabled: (id: string, disabled: boolean) => request<AccountAdminView>("POST", `${a(id)}/${disabled ? "disable" : "enable"}`),
  passwordResetLink: (id: string) => request<ResetLinkView>("POST", `${a(id)}/password-reset`),
  deliveries: (filter: { status?: string; channel?: string; via?: string }, cursor?: string | null) => {
    const params = new URLSearchParams(Object.entries({ ...filter, cursor }).filter((e): e is [string, string] => !!e[1]));
    return request<DeliveryPage>("GET", `/api/deliveries?${params}`);
  },
  retryDelivery: (id: number) => request<void>("POST", `/api/deliveries/${id}/retry`),
  failedEffects: (cursor?: string | null) => request<FailedEffectPage>("GET", cursor ? `/api/outbox/failed?cursor=${encodeURIComponent(cursor)}` : "/api/outbox/failed"),
  retryEffect: (id: number) => request<void>("POST", `/api/outbox/${id}/retry`),
  managedMerchants: (q: string, cursor?: string | null) => request<ManagedMerchantPage>("GET", `/api/merchants/managed?${query({ q, cursor })}`),
  merchantBenefits: (district: number) => request<BenefitName[]>("GET", `/api/merchants/benefits?${query({ district })}`),
  createMerchant: (body: MerchantRequest) => request<MerchantView>("POST", "/api/merchants", body),
  updateMerchant: (id: number, body: MerchantRequest) => request<MerchantView>("PUT", `/api/merchants/${id}`, body),
  deactivateMerchant: (id: number) => request<MerchantView>("POST", `/api/merchants/${id}/deactivate`),
  importMerchants: (fileId: string, dryRun: boolean) => request<ImportView>("POST", "/api/merchants/import", { fileId, dryRun }),
  settlementUrl: (month: string) => `/api/merchants/settlement.xlsx?${query({ month })}`,
  importMembers: (fileId: string, dryRun: boolean) => request<ImportView>("POST", "/api/members/import", { fileId, dryRun }),
  audit: (filter: { actor?: string; action?: string; target?: string; org?: number; from?: string; to?: string }, cursor?: string | null) =>
    request<AuditPage>("GET", `/api/audit?${query({ ...filter, cursor })}`),

  modules: (archived = false) => request<ModuleSummary[]>("GET", archived ? "/api/modules?archived=true" : "/api/modules"),
  createModule: (body: NewModule) => request<ModuleSummary>("POST", "/api/modules", body),
  duplicate: (id: Id, body: ModuleCopy) => request<ModuleSummary>("POST", `${m(id)}/duplicate`, body),
  archive: (id: Id) => request<ModuleSummary>("POST", `${m(id)}/archive`),
  unarchive: (id: Id) => request<ModuleSummary>("POST", `${m(id)}/unarchive`),
  module: async (id: Id): Promise<ModuleDetails> => {
    const detail = await request<{ module: ModuleSummary; versions: ModuleDetails["versions"] }>("GET", m(id));
    return { ...detail.module, versions: detail.versions };
  },
  /** With a moduleKey (and name) the derivation is a service of its own beside its parent's; without, it takes the parent's place below. */
  derive: (id: Id, body: { orgUnitId: string | number; moduleKey?: string; name?: { "zh-CN": string } }) =>
    request<ModuleSummary>("POST", `${m(id)}/derive`, body),
  /** The template's draft with its revision (ETag); saving sends that back, and a 409 says who saved in between. */
  draft: (id: Id) => requestTagged<ModuleDocument>("GET", `${m(id)}/draft`),
  saveDraft: (id: Id, document: ModuleDocument, etag?: string) => requestTagged<ModuleDocument>("PUT", `${m(id)}/draft`, document, etag),
  overlay: (id: Id) => requestTagged<OverlayDocument>("GET", `${m(id)}/overlay`),
  saveOverlay: (id: Id, operations: OverlayOperation[], etag?: string) => requestTagged<OverlayDocument>("PUT", `${m(id)}/overlay`, { operations }, etag),
  setAutoUpgrade: (id: Id, autoUpgrade: boolean) => request<ModuleSummary>("PUT", `${m(id)}/settings`, { autoUpgrade }),
  preview: (id: Id) => request<ModulePreview>("GET", `${m(id)}/preview`),
  upgrade: (id: Id) => request<UpgradeState>("POST", `${m(id)}/upgrade`),
  resolveConflict: (id: Id, conflictId: string, choice: "keepMine" | "takeParent" | "edit", value?: unknown) =>
    request<UpgradeState>("POST", `${m(id)}/upgrade/resolve`, { conflictId, choice, value }),
  publish: (id: Id) => request<PublishResult>("POST", `${m(id)}/publish`),
  impact: (id: Id) => request<Impact>("GET", `${m(id)}/impact`),
  activate: (id: Id, orgUnitId: string | number, version?: string) => request<Service>("POST", `${m(id)}/activate`, { orgUnitId, version }),
  migrationDryRun: (id: Id, fromVersion: string, toVersion: string) =>
    request<MigrationPlan>("POST", `${m(id)}/migrations/dry-run`, { fromVersion, toVersion }),
  migrationApply: (id: Id, fromVersion: string, toVersion: string) =>
    request<MigrationPlan>("POST", `${m(id)}/migrations/apply`, { fromVersion, toVersion }),
  testRun: (id: Id, data: unknown, outcomes: Record<string, string>, fillMissing = false) =>
    request<TestRunResult>("POST", `${m(id)}/test-run`, { data, outcomes, fillMissing }),
  versionDocument: (id: Id, version: string) => request<ModuleDocument>("GET", `${m(id)}/versions/${encodeURIComponent(version)}`),

  validateExpression: (expression: string, fields?: string[]) =>
    request<{ ok: boolean; errors: { message: string; position?: unknown }[] }>("POST", "/api/validate/expression", { expression, fields }),
  /** The server's problems with a workflow; `property` is the input named in the problem's JSON Pointer. */
  validateWorkflow: async (workflow: WorkflowDefinition) => {
    const answer = await request<{ errors: { activityId?: string | null; path?: string; message: string }[] }>("POST", "/api/validate/workflow", { workflow });
    return answer.errors.map((e) => ({ activityId: e.activityId ?? null, property: /\/inputs\/([^/]+)/.exec(e.path ?? "")?.[1] ?? null, message: e.message }));
  },
  /** The engine's activity types: the palette and property panels are built from them. */
  activities: () => request<ActivityDescriptor[]>("GET", "/api/activities"),
  importElsa: (json: unknown) => request<WorkflowDefinition>("POST", "/api/import/elsa", { json }),

  services: () => request<Service[]>("GET", "/api/services"),
  results: (serviceId: number) => request<Results>("GET", `/api/services/${serviceId}/results`),
  resultsExportUrl: (serviceId: number) => `/api/services/${serviceId}/results.xlsx`,
};
