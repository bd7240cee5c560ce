import type { FieldDefinition } from "./definition";
import { dataChildren } from "./field-places";
import { isFileLike, isGroup, isList } from "./field-types";
import { formMessage } from "./form-messages";
import type { FormError } from "./form-result";
import { deepClone, isRecord, own, setOwn, type JsonData, type JsonRecord } from "./json-data";

/** Hard limits on submitted data, checked before any rule runs so that no payload can make processing slow. */
export interface FormLimits {
  /** Longest string accepted anywhere in a field value. */
  maxStringLength: number;
  /** Most items in any array or object inside a field value. */
  maxItems: number;
  /** Deepest nesting inside one field value (a group row holding a file list is 4). */
  maxDepth: number;
}

export const defaultLimits: FormLimits = { maxStringLength: 100_000, maxItems: 1_000, maxDepth: 8 };

/** The members a file reference keeps. */
export const fileReferenceProperties = ["id", "name", "size", "contentType"] as const;

// .NET's char.IsWhiteSpace: Unicode white space plus U+0085, without JavaScript's U+FEFF.
const dotnetWhiteSpace = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
const edges = new RegExp(`^[${dotnetWhiteSpace}]+|[${dotnetWhiteSpace}]+$`, "g");

/** Trims the characters the server's string.Trim() removes. */
export function trimText(text: string): string {
  return text.replace(edges, "");
}

/**
 * First step of processing: keep only the keys the form defines (in document order), enforce the limits, trim
 * strings (an empty or null value counts as absent) and leave money for formDataText to write with two decimals.
 * Values of the wrong type are kept for the schema to report.
 */
export class DataSanitizer {
  readonly errors: FormError[] = [];

  constructor(private readonly fields: readonly FieldDefinition[], private readonly limits: FormLimits, private readonly locale: string) {}

  sanitize(data: JsonRecord): JsonRecord {
    return this.sanitizeObject(data, this.fields, "");
  }

  private sanitizeObject(source: JsonRecord, definitions: readonly FieldDefinition[], basePath: string): JsonRecord {
    const result: JsonRecord = {};
    for (const field of definitions) {
      if (field.type === "content" || field.key === undefined) continue;
      const value = own(source, field.key);
      if (value === undefined || value === null) continue;
      const path = `${basePath}/${field.key}`;
      if (!this.withinLimits(value, path)) continue;
      const clean = this.sanitizeValue(field, value, path);
      if (clean !== null) setOwn(result, field.key, clean);
    }
    return result;
  }

  private sanitizeValue(field: FieldDefinition, value: JsonData, path: string): JsonData {
    if (Array.isArray(value) && isList(field)) {
      return value.map((item, i) =>
        isGroup(field) && isRecord(item) ? this.sanitizeObject(item, dataChildren(field), `${path}/${i}`)
          : isRecord(item) && !isGroup(field) ? fileOnly(item)
            : trimmed(item));
    }
    if (isRecord(value) && isFileLike(field) && !field.multiple) return fileOnly(value);
    // Money is not trimmed or converted: an amount with more than two decimals is left for multipleOf to reject.
    if (field.type === "money") return deepClone(value);
    const clean = trimmed(value);
    return clean === "" ? null : clean;
  }

  /** Walks the value without recursion; a value breaking a limit is dropped with an error. */
  private withinLimits(value: JsonData, path: string): boolean {
    const pending: [JsonData, number][] = [[value, 1]];
    while (pending.length > 0) {
      const [node, depth] = pending.pop()!;
      if (depth > this.limits.maxDepth) return this.fail(path, "maxDepth");
      if (Array.isArray(node)) {
        if (node.length > this.limits.maxItems) return this.fail(path, "maxItems", this.limits.maxItems);
        for (const item of node) if (item !== null) pending.push([item, depth + 1]);
      } else if (isRecord(node)) {
        const keys = Object.keys(node);
        if (keys.length > this.limits.maxItems) return this.fail(path, "maxItems", this.limits.maxItems);
        for (const key of keys) if (node[key] !== null) pending.push([node[key], depth + 1]);
      } else if (typeof node === "string" && node.length > this.limits.maxStringLength) {
        return this.fail(path, "maxLength", this.limits.maxStringLength);
      }
    }
    return true;
  }

  private fail(path: string, rule: string, limit?: number): false {
    this.errors.push({ path, rule, message: formMessage(rule, this.locale, limit) });
    return false;
  }
}

/** File references keep only id, name, size and contentType. */
function fileOnly(file: JsonRecord): JsonRecord {
  const result: JsonRecord = {};
  for (const name of fileReferenceProperties) {
    const value = own(file, name);
    if (value !== undefined && value !== null) setOwn(result, name, trimmed(value));
  }
  return result;
}

function trimmed(value: JsonData): JsonData {
  return typeof value === "string" ? trimText(value) : deepClone(value);
}
