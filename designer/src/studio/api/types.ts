import type { FormDefinition, LocalizedText } from "../../forms";
import type { WorkflowDefinition } from "../workflow-designer/workflow-definition";

import type {
  AccountView, CreateModuleRequest, DuplicateModuleRequest, ModuleSummaryView, ModuleVersionView, OrgLevel, OrgNode, ResultsView, ServiceView,
} from "../../api/openapi-types";
import type { Refine } from "../../api/refine";

/** The API's shapes are generated from the OpenAPI document; texts by locale and the module kind are narrowed here. */
export type { OrgLevel, OrgNode };

/** Org IDs are numbers in the server's database and strings in package files: compare them with sameOrg. */
export interface OrgRef { id: string | number; name?: string; level: OrgLevel }

export function sameOrg(a: string | number | undefined | null, b: string | number | undefined | null): boolean {
  return a !== undefined && a !== null && b !== undefined && b !== null && String(a) === String(b);
}
export type Me = AccountView;

/** A module in the library; `key` is the package ID (join, benefits ...), `id` the library's number. */
export type ModuleSummary = Refine<ModuleSummaryView, { name: LocalizedText | string; level: OrgLevel; kind: "template" | "derived" }>;

/** POST /api/modules: a new template draft from a template's published version, or blank without `fromModuleId`. */
export type NewModule = Refine<CreateModuleRequest, { name: LocalizedText }>;

/** POST /api/modules/{id}/duplicate: a derived module's copy keeps its parent's module key, so `moduleKey` is left out. */
export type ModuleCopy = Refine<DuplicateModuleRequest, { name: LocalizedText }>;

export type ModuleVersion = ModuleVersionView;
/** GET /api/modules/{id} answers {module, versions}; the Studio keeps them side by side (studio-api.ts). */
export type ModuleDetails = ModuleSummary & { versions: ModuleVersion[] };

/** Where a setting's value goes: an activity input, or any property of an element (a field's /max ...). */
export type SettingTarget = { activity: string; input: string } | { element: string; path: string };
export interface Setting { label?: LocalizedText; value: unknown; min?: number; max?: number; appliesTo?: SettingTarget[] }

export type LockKind = "element" | "properties" | "bounds" | "notRemovable" | "additionsOnly";
export interface Lock {
  element: string;
  kind: LockKind;
  properties?: string[];
  path?: string;
  min?: number;
  max?: number;
  /** Bounds on a choice: the values allowed at `path`. */
  options?: unknown[];
  reason?: string;
  existing?: string[];
  by?: OrgRef;
}

/** The module document: the manifest with its forms and workflow inlined (ModulePackageLoader's shape). */
export interface ModuleDocument {
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  category?: string;
  owner?: OrgRef;
  version?: string;
  settings: Record<string, Setting>;
  forms: FormDefinition[];
  workflow: WorkflowDefinition;
  extensionPoints: { id: string; source: string; outcome?: string; description?: string }[];
  locks: Lock[];
  [other: string]: unknown;
}

/** Which org set each property of each element: {elementId: {"/label": org, ...}}; hidden elements carry hidden: true. */
export type Provenance = Record<string, Record<string, OrgRef | boolean>>;

/** module and provenance are null when the draft does not resolve; soundness then says why. */
export interface ModulePreview { hash: string | null; module: ModuleDocument | null; provenance: Provenance | null; soundness: { message: string; path?: string }[] }

export type OverlayOperation =
  | { op: "set"; element: string; path: string; value: unknown; was: unknown }
  | { op: "add"; parent: string; after?: string; before?: string; definition: Record<string, unknown>; exit?: string }
  | { op: "hide"; element: string }
  | { op: "move"; element: string; parent: string; after?: string; before?: string }
  | ({ op: "lock" } & Lock);

export interface OverlayDocument { operations: OverlayOperation[]; basedOn: { moduleId: string; version: string } }

export type ConflictKind = "bothChanged" | "deletedUpstream" | "lockedUpstream" | "keyChanged" | "duplicateKey" | "extensionPointChanged" | "invalidResult";
export interface Conflict {
  id: string;
  kind: ConflictKind;
  path: string;
  message?: string;
  base?: unknown;
  parent?: unknown;
  child?: unknown;
  lockedBy?: OrgRef & { orgUnitId?: string; orgName?: string };
  blocking: boolean;
}
/** GET /api/modules/{id}/impact: what publishing the draft would do to each module derived below (a dry run). */
export type ImpactStatus = "clean" | "conflicts" | "brokenByLock" | "waits" | "upToDate" | "waitsForParent";
export interface ImpactConflict extends Conflict {
  operation?: Record<string, unknown>;
  lock?: { element: string; kind: string; reason?: string; by?: OrgRef; [k: string]: unknown };
}
export interface ImpactEntry {
  moduleId: number; parentModuleId: number; org: OrgRef; status: ImpactStatus; reason?: string | null;
  from?: string | null; to?: string | null; version?: string; hash?: string; conflicts: ImpactConflict[];
}
export interface Impact { module: number; version: string; hash: string; derived: ImpactEntry[] }

export interface UpgradeState { from: string; to: string; overlay: unknown; conflicts: Conflict[]; finished?: boolean }

export interface TestRunResult {
  visited: string[]; status: string; variables: Record<string, unknown>; timeline: { at?: string; event?: string; activityId?: string; [k: string]: unknown }[];
  /** Sample values the server generated for missing required fields (only when asked to). */
  generated?: { step: string; path: string; value: unknown }[];
}

/** A publish and what followed below it: derived modules upgraded on their own, and those that wait (with why). */
export interface PublishResult {
  version: string; hash: string;
  upgraded?: { moduleId: number; orgName: string; from: string; to: string; version: string; servicesMoved: number[] }[];
  waiting?: { moduleId: number; orgName: string; to: string; reason: string; conflicts: string[] }[];
  /** "retrying" when the upgrades below failed: the version is published and the server retries them in the background. */
  cascade?: "done" | "retrying";
}

/** A survey's or vote's results (GET /api/services/{id}/results). */
export type Results = ResultsView;
export type Service = Refine<ServiceView, { name: LocalizedText | string; description: LocalizedText | string | null }>;

export interface MigrationPlan { movable: { caseId: string; [k: string]: unknown }[]; blocked: { caseId: string; reasons: string[] }[] }
