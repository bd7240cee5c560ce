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
 * LockBook (Templates/README.md, "Locks") so the designer can refuse an edit before the server does; the server
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
      if (lock.kind === "additionsOnly" && lock.existing?.includes(elementId)) return refuse("additions only");
      continue;
    }
    if (lock.kind === "additionsOnly") return refuse("additions only");
    if (lock.kind === "properties" && (lock.properties ?? []).some((p) => overlaps(asPointer(p), pointer))) return refuse("property locked");
    if (lock.kind === "bounds" && lock.path !== undefined && overlaps(lock.path, pointer)) {
      const n = typeof value === "number" ? value : Number.NaN;
      if (Number.isNaN(n) || (lock.min !== undefined && n < lock.min) || (lock.max !== undefined && n > lock.max)) {
        return refuse(`${lock.min ?? "−∞"}–${lock.max ?? "∞"}`);
      }
    }
  }
  return undefined;
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
  const chainIds = new Set(chainOf(index, elementId).map((e) => e.id));
  const doomed = selfAndDescendants(index, elementId);
  const above = (module.locks ?? []).filter((lock) => !sameOrg(lock.by?.id, myOrgId));
  const refuse = (lock: Lock, fallback: string): Refusal => ({ reason: lock.reason ?? fallback, lockedBy: lock.by, lock });
  for (const lock of above) {
    if (lock.kind === "element" && chainIds.has(lock.element)) return refuse(lock, "element locked");
    if (lock.kind === "additionsOnly" && (lock.element === elementId || lock.existing?.includes(elementId))) return refuse(lock, "additions only");
  }
  for (const lock of above) {
    if (lock.kind === "notRemovable" && doomed.has(lock.element)) return refuse(lock, lock.element === elementId ? "not removable" : `holds ${lock.element}, not removable`);
  }
  return undefined;
}

/** Would adding a child under `parentId` break a lock above my org? Only a whole-element lock on it or a container forbids additions. */
export function addRefusal(module: ModuleDocument, index: Map<string, ElementEntry>, myOrgId: string | number | undefined, parentId: string): Refusal | undefined {
  const chainIds = new Set(chainOf(index, parentId).map((e) => e.id));
  const lock = (module.locks ?? []).find((l) => !sameOrg(l.by?.id, myOrgId) && l.kind === "element" && chainIds.has(l.element));
  return lock ? { reason: lock.reason ?? "element locked", lockedBy: lock.by, lock } : undefined;
}
