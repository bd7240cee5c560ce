import { sameOrg, type Lock, type ModuleDocument, type OrgRef, type OverlayOperation, type Provenance } from "../api/types";
import type { ElementEntry } from "./element-index";
import { locksOn } from "./lock-check";
import { movedIds } from "./move-operations";

export type ElementStatus = "inherited" | "overridden" | "locked" | "added" | "hidden";

export interface ElementRow {
  id: string;
  /** Absent for an element hidden here: it is no longer in the resolved module. */
  kind?: ElementEntry["kind"];
  title: string;
  status: ElementStatus;
  /** Properties my org set (from the provenance), e.g. /label/zh-CN. */
  overriddenHere: string[];
  /** My overlay moves it (to another place among its siblings or into another container). */
  movedHere: boolean;
  locks: Lock[];
  setBy: OrgRef[];
}

function isOrg(value: OrgRef | boolean): value is OrgRef {
  return typeof value === "object" && value !== null;
}

/** The IDs of elements an overlay adds (fields inside an added group included). */
export function addedIds(operations: readonly OverlayOperation[]): Set<string> {
  const ids = new Set<string>();
  const walk = (definition: Record<string, unknown>) => {
    if (typeof definition.id === "string") ids.add(definition.id);
    for (const child of (definition.fields ?? definition.sections ?? definition.pages ?? []) as Record<string, unknown>[]) walk(child);
  };
  for (const o of operations) if (o.op === "add") walk(o.definition);
  return ids;
}

/**
 * Every element with where its properties come from: added or hidden by my overlay, overridden here when my org set
 * any of them or moved it, locked above when a parent lock touches it, inherited otherwise (locked wins over overridden: the lock
 * is what limits further edits). Elements hidden here are listed too, after the others, so they can be restored.
 */
export function elementRows(module: ModuleDocument, index: Map<string, ElementEntry>, provenance: Provenance, myOrgId: string | number | undefined,
  operations: readonly OverlayOperation[] = []): ElementRow[] {
  const added = addedIds(operations);
  const moved = movedIds(operations);
  const hidden: ElementRow[] = operations.flatMap((o) => (o.op === "hide" && !index.has(o.element)
    ? [{ id: o.element, title: "", status: "hidden" as const, overriddenHere: [], movedHere: false, locks: [], setBy: [] }] : []));
  return [...index.values()].map((e): ElementRow => {
    const origins = Object.entries(provenance[e.id] ?? {}).filter((entry): entry is [string, OrgRef] => isOrg(entry[1]));
    const overriddenHere = origins.filter(([, org]) => sameOrg(org.id, myOrgId)).map(([pointer]) => pointer);
    const locks = locksOn(module, index, myOrgId, e.id);
    const setBy = [...new Map(origins.map(([, org]) => [org.id, org])).values()];
    const movedHere = moved.has(e.id);
    return {
      id: e.id, kind: e.kind, title: e.title, overriddenHere, movedHere, locks, setBy,
      status: added.has(e.id) ? "added" : locks.length > 0 ? "locked" : overriddenHere.length > 0 || movedHere ? "overridden" : "inherited",
    };
  }).concat(hidden);
}
