import type { FigureOrg } from "../../api/openapi-types";

/**
 * The breadcrumb after showing `org` (whose parent is `parent`): cut back to it when it is on the path, one step
 * longer when it is a child of the last step, otherwise a new path starting at it (e.g. after going above the start).
 */
export function nextPath(path: FigureOrg[], org: FigureOrg, parent: FigureOrg | null): FigureOrg[] {
  const at = path.findIndex((o) => o.id === org.id);
  if (at >= 0) return path.slice(0, at + 1);
  return parent && path.length > 0 && path[path.length - 1].id === parent.id ? [...path, org] : [org];
}
