import type { JsonRecord } from "./json-data";

/**
 * One error: the data path (JSON Pointer, "" for the whole form), the rule that failed (a JSON Schema keyword such as
 * "type" or "maxLength", "required", "requiredIf", "pattern", the id of a validate rule, or "visibleIf"/"calculate"/...
 * when a rule could not be evaluated) and a localized message.
 */
export interface FormError {
  path: string;
  rule: string;
  message: string;
}

/** A field's state after the rules ran, keyed by data path (rows of a group appear as /group/0/key). */
export interface FieldState {
  visible: boolean;
  required: boolean;
  readOnly: boolean;
}

/** What FormRuntime.process decided: validity, errors, the normalized data and each field's state. */
export interface FormResult {
  valid: boolean;
  errors: FormError[];
  /** Normalized data in document order; write it with formDataText to get money with two decimals. */
  data: JsonRecord;
  fields: Record<string, FieldState>;
}

/** Draft saves what is filled in (no required errors, no minItems); submit applies every rule. */
export type FormMode = "draft" | "submit";

/** What a workflow step lets the user do with a field (per-step field permissions). */
export type FieldAccess = "hidden" | "read" | "edit" | "required";

export interface FormProcessOptions {
  mode?: FormMode;
  /** "zh-CN" (default), "zh-TW" or "en"; anything else falls back to zh-CN. */
  locale?: string;
  /** Per-step permissions by field id or key path ("name", "family/relation"); unlisted fields are edit. */
  permissions?: Readonly<Record<string, FieldAccess>>;
  /** The stored data, the source of values the step may not change. */
  previousData?: JsonRecord;
}
