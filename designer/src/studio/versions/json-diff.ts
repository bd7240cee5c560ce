/** One difference between two JSON documents at a JSON Pointer. */
export interface JsonChange { path: string; kind: "added" | "removed" | "changed"; before?: unknown; after?: unknown }

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The changed leaves between two JSON values. Arrays of objects with `id`s (activities, fields, pages) are matched
 * by id, so inserting one field does not show every later field as changed; other arrays by index.
 */
export function jsonDiff(before: unknown, after: unknown, path = ""): JsonChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (before === undefined) return [{ path, kind: "added", after }];
  if (after === undefined) return [{ path, kind: "removed", before }];
  const objects = (v: unknown) => typeof v === "object" && v !== null;
  if (!objects(before) || !objects(after) || Array.isArray(before) !== Array.isArray(after)) return [{ path, kind: "changed", before, after }];
  if (Array.isArray(before) && Array.isArray(after)) {
    const keyed = (list: unknown[]) => list.every((x) => objects(x) && typeof (x as { id?: unknown }).id === "string");
    if (keyed(before) && keyed(after)) {
      const byId = (list: unknown[]) => new Map(list.map((x) => [(x as { id: string }).id, x]));
      const a = byId(before), b = byId(after);
      const ids = [...new Set([...a.keys(), ...b.keys()])];
      return ids.flatMap((id) => jsonDiff(a.get(id), b.get(id), `${path}/${escape(id)}`));
    }
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) => jsonDiff(before[i], after[i], `${path}/${i}`)).flat();
  }
  const a = before as Record<string, unknown>, b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((k) => jsonDiff(a[k], b[k], `${path}/${escape(k)}`));
}
