import { sameOrg, type Lock, type ModuleDocument, type OrgRef } from "../api/types";
import { chainOf, pointerSegments, type ElementEntry } from "./element-index";

/** Why an edit was refused: a lock checked here (`lock`), or the server's answer to a saved overlay (no `lock`). */
export interface Refusal { reason: string; lockedBy?: OrgRef; lock?: Lock }

function overlaps(a: string, b: string): boolean {
  const x = pointerSegments(a), y = pointerSegments(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false;
  return true;
}

function asPointer(property: string): string {
  return property.startsWith("/") ? property : `/${property}`;
}

/**
 * Would setting `pointer` of `element` to `value` break a lock set above my org? Mirrors the template engine's
 * LockBook (engine Modules/README.md, "Locks") so the designer can refuse an edit before the server does; the server
 * still decides. Locks my own org set do not bind me.
 */
export function setRefusal(module: ModuleDocument, index: Map<string, ElementEntry>, myOrgId: string | number | undefined,
  elementId: string, pointer: string, value: unknown): Refusal | undefined {
  const chain = chainOf(index, elementId);
  const chainIds = new Set(chain.map((e) => e.id));
  for (const lock of module.locks ?? []) {
    if (sameOrg(lock.by?.id, myOrgId)) continue;
    const refuse = (reason?: string): Refusal => ({ reason: lock.reason ?? reason ?? lock.kind, lockedBy: lock.by, lock });
    if (lock.kind === "element" && chainIds.has(lock.element)) return refuse("element locked");
    if (lock.element !== elementId) {
      // An additions-only or whole lock on an extension point holds the steps that stood at it (`existing`).
      if ((lock.kind === "additionsOnly" || lock.kind === "element") && lock.existing?.includes(elementId)) return refuse(lock.kind === "element" ? "element locked" : "additions only");
      continue;
    }
    if (lock.kind === "additionsOnly") return refuse("additions only");
    if (lock.kind === "properties" && (lock.properties ?? []).some((p) => overlaps(asPointer(p), pointer))) return refuse("property locked");
    if (lock.kind === "bounds" && lock.path !== undefined && overlaps(lock.path, pointer)) {
      if (lock.options?.length) {
        if (pointer !== lock.path || !lock.options.some((o) => JSON.stringify(o) === JSON.stringify(value))) return refuse(boundsText(lock));
        if (lock.min === undefined && lock.max === undefined) continue;
      }
      const n = typeof value === "number" ? value : Number.NaN;
      if (Number.isNaN(n) || (lock.min !== undefined && n < lock.min) || (lock.max !== undefined && n > lock.max)) {
        return refuse(boundsText(lock));
      }
    }
  }
  return undefined;
}

/**
 * The properties lock above my org that holds `pointer` of the element whatever value it gets (a pointer over or under
 * a locked one counts, as in the engine): its input is greyed beforehand. Bounds locks still let values within them
 * through, and whole-element and additions-only locks grey the element's whole panel.
 */
export function propertyLock(module: ModuleDocument, myOrgId: string | number | undefined, elementId: string, pointer: string): Refusal | undefined {
  const lock = locksAbove(module, myOrgId)
    .find((l) => l.kind === "properties" && l.element === elementId && (l.properties ?? []).some((p) => overlaps(asPointer(p), pointer)));
  return lock && refuse(lock, "property locked");
}

/** What a bounds lock allows: min–max, or the allowed options. */
export function boundsText(lock: Lock): string {
  const range = lock.min === undefined && lock.max === undefined ? "" : `${lock.min ?? "−∞"}–${lock.max ?? "∞"}`;
  const options = lock.options?.length ? lock.options.map((o) => (typeof o === "string" ? o : JSON.stringify(o))).join(" / ") : "";
  return [options, range].filter(Boolean).join("; ");
}

/** Locks above my org that touch an element at all (for the "locked above" badge). */
export function locksOn(module: ModuleDocument, index: Map<string, ElementEntry>, myOrgId: string | number | undefined, elementId: string): Lock[] {
  const chainIds = new Set(chainOf(index, elementId).map((e) => e.id));
  return (module.locks ?? []).filter((lock) => !sameOrg(lock.by?.id, myOrgId)
    && (lock.element === elementId || (lock.kind === "element" && chainIds.has(lock.element)) || lock.existing?.includes(elementId)));
}

/** The elements inside an element (itself included), as hiding it would take them along. */
function selfAndDescendants(index: Map<string, ElementEntry>, id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of index.values()) if (e.parent && found.has(e.parent) && !found.has(e.id)) { found.add(e.id); grew = true; }
  }
  return found;
}

/**
 * Would hiding the element break a lock above my org? As the engine's LockBook.CheckHide: a change of the element
 * (whole-element and additions-only locks), and nothing non-removable may go with it.
 */
export function hideRefusal(module: ModuleDocument, index: Map<string, ElementEntry>, myOrgId: string | number | undefined, elementId: string): Refusal | undefined {
  const changed = wholeChangeRefusal(module, index, myOrgId, elementId);
  if (changed) return changed;
  const doomed = selfAndDescendants(index, elementId);
  const lock = locksAbove(module, myOrgId).find((l) => l.kind === "notRemovable" && doomed.has(l.element));
  return lock && refuse(lock, lock.element === elementId ? "not removable" : `holds ${lock.element}, not removable`);
}

function locksAbove(module: ModuleDocument, myOrgId: string | number | undefined): Lock[] {
  return (module.locks ?? []).filter((lock) => !sameOrg(lock.by?.id, myOrgId));
}

function refuse(lock: Lock, fallback: string): Refusal {
  return { reason: lock.reason ?? fallback, lockedBy: lock.by, lock };
}

/**
 * Would changing the element as a whole (hiding or moving it) break a lock above my org? As the engine's
 * LockBook.CheckChange with no property: a whole-element lock on it or a container, or an additions-only lock that
 * covers it as already existing.
 */
function wholeChangeRefusal(module: ModuleDocument, index: Map<string, ElementEntry>, myOrgId: string | number | undefined, elementId: string): Refusal | undefined {
  const chainIds = new Set(chainOf(index, elementId).map((e) => e.id));
  for (const lock of locksAbove(module, myOrgId)) {
    if (lock.kind === "element" && chainIds.has(lock.element)) return refuse(lock, "element locked");
    if (lock.kind === "additionsOnly" && (lock.element === elementId || lock.existing?.includes(elementId))) return refuse(lock, "additions only");
    if (lock.kind === "element" && lock.existing?.includes(elementId)) return refuse(lock, "element locked");
  }
  return undefined;
}

/**
 * Would moving the element into `parentId` (its own container when it only changes places) break a lock above my
 * org? As the engine's move: a change of the element as a whole, and an addition to where it goes.
 */
export function moveRefusal(module: ModuleDocument, index: Map<string, ElementEntry>, myOrgId: string | number | undefined,
  elementId: string, parentId: string): Refusal | undefined {
  return wholeChangeRefusal(module, index, myOrgId, elementId) ?? addRefusal(module, index, myOrgId, parentId);
}

/** Would adding a child under `parentId` break a lock above my org? Only a whole-element lock on it or a container forbids additions. */
export function addRefusal(module: ModuleDocument, index: Map<string, ElementEntry>, myOrgId: string | number | undefined, parentId: string): Refusal | undefined {
  const chainIds = new Set(chainOf(index, parentId).map((e) => e.id));
  const lock = locksAbove(module, myOrgId).find((l) => l.kind === "element" && chainIds.has(l.element));
  return lock && refuse(lock, "element locked");
}
