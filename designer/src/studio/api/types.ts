import type { FormDefinition, LocalizedText } from "../../forms";
import type { WorkflowDefinition } from "../workflow-designer/workflow-definition";

export type OrgLevel = "national" | "province" | "city" | "district" | "street" | "grassroots";

/** Org IDs are numbers in the server's database and strings in package files: compare them with sameOrg. */
export interface OrgRef { id: string | number; name?: string; level: OrgLevel }

export function sameOrg(a: string | number | undefined | null, b: string | number | undefined | null): boolean {
  return a !== undefined && a !== null && b !== undefined && b !== null && String(a) === String(b);
}
export interface OrgNode { id: string | number; name: string; level: OrgLevel; parentId?: string | null; children: OrgNode[] }
export interface Me { id: string; userName: string; displayName: string; roles: { role: string; orgUnitId: string; orgName: string }[] }

export interface ModuleSummary {
  id: string | number;
  /** The package ID (join, benefits ...); `id` is the library's number. */
  key?: string;
  name: LocalizedText | string;
  category: string;
  ownerOrgId: string | number;
  ownerOrgName: string;
  level: OrgLevel;
  kind: "template" | "derived";
  parentModuleId?: string | number | null;
  latestVersion?: string | null;
  draft: boolean;
  upgradeAvailable: boolean;
  /** Hidden from the library unless asked for; not derived or newly activated. */
  archived?: boolean;
  /** Derived modules: follows the parent's new versions on its own when nothing conflicts and no draft is in progress. */
  autoUpgrade?: boolean;
}

/** POST /api/modules: a new template draft from a template's published version, or blank without `fromModuleId`. */
export interface NewModule {
  moduleKey: string;
  name: LocalizedText;
  category?: string;
  ownerOrgId: string | number;
  fromModuleId?: string | number;
  fromVersion?: string;
}

/** POST /api/modules/{id}/duplicate: a derived module's copy keeps its parent's module key, so `moduleKey` is left out. */
export interface ModuleCopy { moduleKey?: string; name: LocalizedText; ownerOrgId: string | number }

export interface ModuleVersion { version: string; hash: string; publishedAt: string; publishedBy: string; runningCases: number }
export interface ModuleDetails extends ModuleSummary { versions: ModuleVersion[] }

export interface Setting { label?: LocalizedText; value: unknown; min?: number; max?: number; appliesTo?: { activity: string; input: string }[] }

export type LockKind = "element" | "properties" | "bounds" | "notRemovable" | "additionsOnly";
export interface Lock {
  element: string;
  kind: LockKind;
  properties?: string[];
  path?: string;
  min?: number;
  max?: number;
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

export interface Service { id: string | number; moduleKey: string; name: LocalizedText | string; description?: LocalizedText | string; category: string; orgUnitId: string | number; orgName: string; snapshotHash: string; version: string }

export interface Stats {
  byModule: { moduleKey?: string; name?: string; count: number }[];
  byStatus: { status: string; count: number }[];
  byMonth: { month: string; count: number }[];
  deadlinesMet: { met: number; missed: number };
  membersJoined: { month: string; count: number }[];
}

export interface MigrationPlan { movable: { caseId: string; [k: string]: unknown }[]; blocked: { caseId: string; reasons: string[] }[] }
