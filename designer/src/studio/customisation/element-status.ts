import { sameOrg, type Lock, type ModuleDocument, type OrgRef, type Provenance } from "../api/types";
import type { ElementEntry } from "./element-index";
import { locksOn } from "./lock-check";

export type ElementStatus = "inherited" | "overridden" | "locked";

export interface ElementRow {
  id: string;
  kind: ElementEntry["kind"];
  title: string;
  status: ElementStatus;
  /** Properties my org set (from the provenance), e.g. /label/zh-CN. */
  overriddenHere: string[];
  locks: Lock[];
  setBy: OrgRef[];
}

function isOrg(value: OrgRef | boolean): value is OrgRef {
  return typeof value === "object" && value !== null;
}

/**
 * Every element with where its properties come from: overridden here when my org set any of them, locked above when
 * a parent lock touches it, inherited otherwise (locked wins over overridden: the lock is what limits further edits).
 */
export function elementRows(module: ModuleDocument, index: Map<string, ElementEntry>, provenance: Provenance, myOrgId: string | number | undefined): ElementRow[] {
  return [...index.values()].map((e) => {
    const origins = Object.entries(provenance[e.id] ?? {}).filter((entry): entry is [string, OrgRef] => isOrg(entry[1]));
    const overriddenHere = origins.filter(([, org]) => sameOrg(org.id, myOrgId)).map(([pointer]) => pointer);
    const locks = locksOn(module, index, myOrgId, e.id);
    const setBy = [...new Map(origins.map(([, org]) => [org.id, org])).values()];
    return {
      id: e.id, kind: e.kind, title: e.title, overriddenHere, locks, setBy,
      status: locks.length > 0 ? "locked" : overriddenHere.length > 0 ? "overridden" : "inherited",
    };
  });
}
