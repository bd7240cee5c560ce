import type { LocalizedText } from "../../forms";
import { sameOrg, type Lock, type LockKind, type ModuleDocument, type OverlayOperation, type Setting, type SettingTarget } from "../api/types";
import { readPointer, type ElementEntry } from "../customisation/element-index";
import { outcomeOf, type WorkflowDefinition } from "../workflow-designer/workflow-definition";

/**
 * What a template owner writes into `module.json` by hand, as edits of the module document: locks, settings and
 * extension points (engine Modules/README.md, "Package" and "Locks"). Each function returns a copy and leaves the
 * module alone; each writes exactly the keys a person would, in the order the shipped templates use, so the
 * manifest the Studio saves reads like one written by hand.
 */

/** A lock as authored: no `by` (the server stamps the owner) and no `existing` (the engine records it). */
export type LockDraft = Omit<Lock, "by" | "existing">;

export type ExtensionPoint = ModuleDocument["extensionPoints"][number];

/** The element IDs and setting keys a manifest may use (engine: `$defs/id` of module-manifest.schema.json). */
const idPattern = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;

/** A lock with only the keys its kind uses, in the manifest's order; an empty reason is left out. */
export function lockJson(lock: LockDraft): LockDraft {
  const out: LockDraft = { element: lock.element, kind: lock.kind };
  if (lock.kind === "properties") out.properties = [...(lock.properties ?? [])];
  if (lock.kind === "bounds") {
    out.path = lock.path;
    if (lock.min !== undefined && lock.min !== null) out.min = lock.min;
    if (lock.max !== undefined && lock.max !== null) out.max = lock.max;
    if (lock.options && lock.options.length > 0) out.options = [...lock.options];
  }
  const reason = lock.reason?.trim();
  if (reason) out.reason = reason;
  return out;
}

/** Why a lock cannot be written as it stands (the engine would refuse it), or undefined. */
export function lockProblem(lock: LockDraft): "properties" | "bounds" | "minMax" | undefined {
  if (lock.kind === "properties" && (lock.properties ?? []).length === 0) return "properties";
  if (lock.kind === "bounds") {
    const hasRange = lock.min != null || lock.max != null;
    if (!lock.path?.startsWith("/") || (!hasRange && (lock.options ?? []).length === 0)) return "bounds";
    if (lock.min != null && lock.max != null && lock.min > lock.max) return "minMax";
  }
  return undefined;
}

export function withLock(module: ModuleDocument, lock: LockDraft): ModuleDocument {
  return { ...module, locks: [...(module.locks ?? []), lockJson(lock)] };
}

/** Replaces the lock at `at` in the module's own list (templates). */
export function withLockAt(module: ModuleDocument, at: number, lock: LockDraft | undefined): ModuleDocument {
  const locks = [...(module.locks ?? [])];
  if (lock) locks[at] = lockJson(lock);
  else locks.splice(at, 1);
  return { ...module, locks };
}

/** A derived module's own lock: an overlay `lock` operation (the engine checks that it only tightens). */
export function lockOperation(lock: LockDraft): OverlayOperation {
  return { op: "lock", ...lockJson(lock) };
}

/**
 * The locks an org may edit on an element, with their place: a template's own (`module.locks`, none set by another
 * org) or a derived module's `lock` operations.
 */
export function ownLocks(kind: "template" | "derived", module: ModuleDocument, operations: readonly OverlayOperation[],
  myOrgId: string | number | undefined, elementId: string): { lock: LockDraft; at: number }[] {
  if (kind === "derived") {
    return operations.flatMap((o, at) => (o.op === "lock" && o.element === elementId ? [{ lock: lockJson(o), at }] : []));
  }
  return (module.locks ?? []).flatMap((l, at) => (l.element === elementId && (l.by === undefined || sameOrg(l.by.id, myOrgId))
    ? [{ lock: lockJson(l), at }] : []));
}

export function settingKeyProblem(module: ModuleDocument, index: Map<string, ElementEntry>, key: string, previous?: string): "pattern" | "taken" | undefined {
  if (!idPattern.test(key)) return "pattern";
  if (key !== previous && (index.has(key) || module.extensionPoints.some((p) => p.id === key))) return "taken";
  return undefined;
}

/** A setting with the keys in the manifest's order; empty labels and absent bounds are left out. */
export function settingJson(setting: Setting): Setting {
  const out: Setting = {} as Setting;
  const label = Object.fromEntries(Object.entries(setting.label ?? {}).filter(([, v]) => typeof v === "string" && v.trim() !== "")) as LocalizedText;
  if (label["zh-CN"]) out.label = label;
  out.value = setting.value;
  if (setting.min != null) out.min = setting.min;
  if (setting.max != null) out.max = setting.max;
  if (setting.appliesTo && setting.appliesTo.length > 0) out.appliesTo = setting.appliesTo.map(targetJson);
  return out;
}

function targetJson(target: SettingTarget): SettingTarget {
  return "activity" in target ? { activity: target.activity, input: target.input } : { element: target.element, path: target.path };
}

/** A target in a line: `review.deadlineDays`, `monthlyIncome/max`. */
export function targetText(target: SettingTarget): string {
  return "activity" in target ? `${target.activity}.${target.input}` : `${target.element}${target.path}`;
}

/**
 * Writes a setting under `key`; with `previous` it replaces that one, keeping its place, and the locks on it follow
 * the new name (a setting's key is its element ID).
 */
export function withSetting(module: ModuleDocument, key: string, setting: Setting, previous = key): ModuleDocument {
  const settings: Record<string, Setting> = {};
  let placed = false;
  for (const [k, s] of Object.entries(module.settings ?? {})) {
    if (k === previous) { settings[key] = settingJson(setting); placed = true; } else if (k !== key) settings[k] = s;
  }
  if (!placed) settings[key] = settingJson(setting);
  const locks = previous === key ? module.locks : (module.locks ?? []).map((l) => (l.element === previous ? { ...l, element: key } : l));
  return { ...module, settings, locks };
}

/** Removes a setting and the locks on it (a lock on a missing element does not load). */
export function withoutSetting(module: ModuleDocument, key: string): ModuleDocument {
  const settings = { ...module.settings };
  delete settings[key];
  return { ...module, settings, locks: (module.locks ?? []).filter((l) => l.element !== key) };
}

/**
 * "设为可配置项": a step input becomes a named setting whose value (the input's current value) the resolved
 * workflow writes back into the input (`appliesTo`); lower levels then change the setting, never the input.
 */
export function promoteToSetting(module: ModuleDocument, activityId: string, input: string,
  setting: { key: string; label: LocalizedText; min?: number; max?: number }): ModuleDocument {
  const activity = module.workflow.activities.find((a) => a.id === activityId);
  if (!activity) throw new Error(`no step '${activityId}'`);
  return withSetting(module, setting.key, {
    label: setting.label, value: activity.inputs?.[input] ?? null, min: setting.min, max: setting.max,
    appliesTo: [{ activity: activityId, input }],
  });
}

/**
 * "设为可配置项" on a field (or section, page) property: the setting drives the property at `path` (appliesTo
 * {element, path}), starting from its current value.
 */
export function promotePropertyToSetting(module: ModuleDocument, entry: ElementEntry, path: string,
  setting: { key: string; label: LocalizedText; min?: number; max?: number }): ModuleDocument {
  return withSetting(module, setting.key, {
    label: setting.label, value: readPointer(entry.node, path) ?? null, min: setting.min, max: setting.max,
    appliesTo: [{ element: entry.id, path }],
  });
}

/** The setting that drives a step input, if any. */
export function settingOf(module: ModuleDocument, activityId: string, input: string): string | undefined {
  return Object.entries(module.settings ?? {}).find(([, s]) => s.appliesTo?.some((a) => "activity" in a && a.activity === activityId && a.input === input))?.[0];
}

/** The properties of an element that settings drive: pointer → setting key. */
export function boundProperties(module: ModuleDocument, elementId: string): Map<string, string> {
  const bound = new Map<string, string>();
  for (const [key, s] of Object.entries(module.settings ?? {})) {
    for (const a of s.appliesTo ?? []) {
      if ("activity" in a) { if (a.activity === elementId) bound.set(`/inputs/${a.input}`, key); } else if (a.element === elementId) bound.set(a.path, key);
    }
  }
  return bound;
}

export function extensionPointJson(point: ExtensionPoint): ExtensionPoint {
  const out: ExtensionPoint = { id: point.id, source: point.source };
  if (point.outcome && point.outcome !== "done") out.outcome = point.outcome;
  const description = point.description?.trim();
  if (description) out.description = description;
  return out;
}

/** Adds an extension point, or with `previous` replaces that one in its place. */
export function withExtensionPoint(module: ModuleDocument, point: ExtensionPoint, previous?: string): ModuleDocument {
  const points = module.extensionPoints ?? [];
  const at = previous === undefined ? -1 : points.findIndex((p) => p.id === previous);
  const next = at < 0 ? [...points, extensionPointJson(point)] : points.map((p, i) => (i === at ? extensionPointJson(point) : p));
  return { ...module, extensionPoints: next };
}

export function withoutExtensionPoint(module: ModuleDocument, id: string): ModuleDocument {
  return { ...module, extensionPoints: (module.extensionPoints ?? []).filter((p) => p.id !== id) };
}

/**
 * Where steps inserted at a point go back into the flow: the target of the point's connection (the engine inserts on
 * that connection). Undefined when the port has no connection, which the engine refuses.
 */
export function rejoinOf(workflow: WorkflowDefinition, point: Pick<ExtensionPoint, "source" | "outcome">): string | undefined {
  const outcome = point.outcome ?? "done";
  return workflow.connections.find((c) => c.source === point.source && outcomeOf(c) === outcome)?.target;
}

/**
 * The module document as its `module.json`: forms and workflow by file name (the document inlines them), the locks
 * without what the server stamps (`by`) or the engine records (`existing`).
 */
export function manifestOf(module: ModuleDocument, files: { forms: string[]; workflow: string }): Record<string, unknown> {
  const manifest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(module)) {
    if (key === "forms") manifest.forms = files.forms;
    else if (key === "workflow") manifest.workflow = files.workflow;
    else if (key === "locks") manifest.locks = (value as Lock[]).map(lockJson);
    else if (key === "settings") manifest.settings = Object.fromEntries(Object.entries(value as Record<string, Setting>).map(([k, s]) => [k, settingJson(s)]));
    else if (key === "extensionPoints") manifest.extensionPoints = (value as ExtensionPoint[]).map(extensionPointJson);
    else manifest[key] = value;
  }
  return manifest;
}

export const lockKinds: LockKind[] = ["element", "properties", "bounds", "notRemovable", "additionsOnly"];
