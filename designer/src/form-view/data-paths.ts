import type { JsonData, JsonRecord } from "../forms";

/** Reads and writes form data by the runtime's JSON Pointers ("/key", "/group/0/key"), copying along the way. */
export function readPath(data: JsonRecord, path: string): JsonData | undefined {
  let node: unknown = data;
  for (const part of segments(path)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node as JsonData | undefined;
}

export function writePath(data: JsonRecord, path: string, value: JsonData | undefined): JsonRecord {
  const parts = segments(path);
  const write = (node: unknown, index: number): unknown => {
    const part = parts[index];
    const container: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : { ...(node as object ?? {}) };
    const next = index === parts.length - 1 ? value : write((container as Record<string, unknown>)[part], index + 1);
    if (next === undefined && !Array.isArray(container)) delete (container as Record<string, unknown>)[part];
    else (container as Record<string, unknown>)[part] = next;
    return container;
  };
  return write(data, 0) as JsonRecord;
}

function segments(path: string): string[] {
  return path.split("/").slice(1).map(part => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function childPath(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}
