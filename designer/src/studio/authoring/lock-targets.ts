import type { ElementEntry } from "../customisation/element-index";

/**
 * What a lock on an element can name: its properties (for a properties lock) and the values a bounds lock can hold
 * to a range (numbers) or to a set of allowed options (texts and other choices). Read from the element as it stands.
 */
export interface LockTargets {
  /** Properties as the manifest names them: `label`, `required`, or a pointer under one (`/inputs/deadlineDays`). */
  properties: string[];
  /** Pointers of values a bounds lock can hold, with whether the value is a number. */
  values: { path: string; numeric: boolean }[];
}

/** Structure and identity: never locked by property (child lists change through additions-only locks). */
const structural = new Set(["id", "fields", "sections", "pages", "activities", "connections", "layout", "appliesTo"]);

export function lockTargets(entry: ElementEntry): LockTargets {
  const node = entry.node;
  const properties: string[] = [];
  const values: LockTargets["values"] = [];
  const leaf = (path: string, value: unknown) => {
    if (typeof value === "number") values.push({ path, numeric: true });
    else if (typeof value === "string" || typeof value === "boolean") values.push({ path, numeric: false });
  };
  for (const [key, value] of Object.entries(node)) {
    if (structural.has(key) || (entry.kind === "setting" && key === "name")) continue;
    if (key === "inputs" && value && typeof value === "object") {
      // A step is configured through its inputs: each is a property of its own.
      for (const [input, v] of Object.entries(value)) {
        properties.push(`/inputs/${input}`);
        leaf(`/inputs/${input}`, v);
      }
      continue;
    }
    properties.push(key);
    leaf(`/${key}`, value);
  }
  return { properties, values };
}
