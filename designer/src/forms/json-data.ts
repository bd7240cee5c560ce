/**
 * Form data is plain JSON. Keys come from definitions and submissions, so objects are written with defineProperty
 * (a key "__proto__" stays a key) and read as own properties only.
 */
export type JsonData = null | boolean | number | string | JsonData[] | { [key: string]: JsonData };
export type JsonRecord = { [key: string]: JsonData };

const hasOwnProperty = Object.prototype.hasOwnProperty;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function hasOwn(target: object, key: string): boolean {
  return hasOwnProperty.call(target, key);
}

/** The own value of a key, or undefined. */
export function own(target: JsonRecord | undefined, key: string): JsonData | undefined {
  return target !== undefined && hasOwn(target, key) ? target[key] : undefined;
}

export function setOwn(target: JsonRecord, key: string, value: JsonData): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Removes a key; true when it was there. */
export function removeOwn(target: JsonRecord, key: string): boolean {
  if (!hasOwn(target, key)) return false;
  delete target[key];
  return true;
}

export function deepClone<T extends JsonData | undefined>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => deepClone(item)) as T;
  if (isRecord(value)) {
    const result: JsonRecord = {};
    for (const key of Object.keys(value)) setOwn(result, key, deepClone(value[key]));
    return result as T;
  }
  return value;
}

/** JSON equality (object keys in any order), as JSON Schema's enum and uniqueItems compare. */
export function jsonEquals(a: JsonData | undefined, b: JsonData | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => jsonEquals(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => hasOwn(b, key) && jsonEquals(a[key], b[key]));
  }
  return false;
}
