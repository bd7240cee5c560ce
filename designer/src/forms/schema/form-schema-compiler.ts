import type { FieldDefinition, FormDefinition } from "../definition";
import { defaultLocale, localize } from "../definition";
import { hasData } from "../field-types";
import { setOwn, type JsonRecord } from "../json-data";

/**
 * The JSON Schema (draft 2020-12) of a form's data, built exactly as the server's FormSchemaCompiler builds it:
 * `contractSchema` is what API clients get, `runtimeSchema` what the runtime validates with (no field-level
 * "required" — rules, permissions and mode decide that — and no text "pattern", which the runtime checks itself).
 */
export const draft202012 = "https://json-schema.org/draft/2020-12/schema";
export const textMaxLength = 500;
export const textareaMaxLength = 5000;
export const emailMaxLength = 254;
export const orgMaxLength = 64;
const signatureTypes = ["image/png", "image/svg+xml"];

export function contractSchema(form: FormDefinition): JsonRecord {
  return root(form, false);
}

export function runtimeSchema(form: FormDefinition): JsonRecord {
  return root(form, true);
}

function root(form: FormDefinition, forRuntime: boolean): JsonRecord {
  const always = new Set(form.pages.filter((p) => !p.visibleIf).flatMap((p) => p.sections).filter((s) => !s.visibleIf).flatMap((s) => s.fields));
  const schema: JsonRecord = {
    $schema: draft202012,
    $id: `urn:formflow:form:${form.id}:${encodeURIComponent(form.version)}`,
    title: localize(form.title, defaultLocale),
  };
  const fields = form.pages.flatMap((p) => p.sections).flatMap((s) => s.fields).filter(hasData);
  addObject(schema, fields, forRuntime ? undefined : (f) => always.has(f));
  return schema;
}

function addObject(target: JsonRecord, fields: readonly FieldDefinition[], inRequiredScope: ((f: FieldDefinition) => boolean) | undefined): void {
  const properties: JsonRecord = {};
  const required: string[] = [];
  for (const field of fields.filter(hasData)) {
    setOwn(properties, field.key!, fieldSchema(field, inRequiredScope !== undefined));
    if (inRequiredScope?.(field) && field.required && !field.visibleIf && !field.readOnlyIf && !field.calculate) required.push(field.key!);
  }
  target.type = "object";
  target.properties = properties;
  if (required.length > 0) target.required = required;
  target.additionalProperties = false;
}

function fieldSchema(f: FieldDefinition, contract: boolean): JsonRecord {
  const schema: JsonRecord = {};
  if (contract) {
    // Annotations are for API clients; the runtime's copy leaves them out, as the server's does.
    schema.title = localize(f.label, defaultLocale);
    if (f.help) schema.description = localize(f.help, defaultLocale);
    if (f.calculate) schema.readOnly = true;
  }
  const options = (f.options ?? []).map((o) => o.value);
  switch (f.type) {
    case "text":
    case "textarea":
      schema.type = "string";
      if (f.minLength !== undefined) schema.minLength = f.minLength;
      schema.maxLength = f.maxLength ?? (f.type === "text" ? textMaxLength : textareaMaxLength);
      if (f.pattern !== undefined && contract) schema.pattern = f.pattern;
      break;
    case "number":
      schema.type = "number";
      bounds(schema, f);
      break;
    case "money":
      schema.type = "number";
      schema.multipleOf = 0.01;
      bounds(schema, f);
      break;
    case "rating":
      Object.assign(schema, { type: "integer", minimum: 1, maximum: f.scale ?? 5 });
      break;
    case "date": Object.assign(schema, { type: "string", format: "date" }); break;
    case "datetime": Object.assign(schema, { type: "string", format: "date-time" }); break;
    case "boolean": schema.type = "boolean"; break;
    case "region": Object.assign(schema, { type: "string", format: "region" }); break;
    case "mobile": Object.assign(schema, { type: "string", format: "mobile" }); break;
    case "residentId": Object.assign(schema, { type: "string", format: "resident-id" }); break;
    case "email": Object.assign(schema, { type: "string", format: "email", maxLength: f.maxLength ?? emailMaxLength }); break;
    case "org": Object.assign(schema, { type: "string", minLength: 1, maxLength: orgMaxLength }); break;
    case "choice": Object.assign(schema, { type: "string", enum: options }); break;
    case "multiChoice":
      list(schema, f, { type: "string", enum: options }, true);
      break;
    case "quiz":
      if (f.multiple) list(schema, f, { type: "string", enum: options }, true);
      else Object.assign(schema, { type: "string", enum: options });
      break;
    case "file":
    case "image":
    case "signature":
      if (f.multiple) list(schema, f, fileReferenceSchema(f), false);
      else Object.assign(schema, fileReferenceSchema(f));
      break;
    case "group": {
      const items: JsonRecord = {};
      addObject(items, f.fields ?? [], contract ? () => true : undefined);
      list(schema, f, items, false);
      break;
    }
    default:
      throw new Error(`field '${f.id}': type '${f.type}' has no schema`);
  }
  return schema;
}

/** {"id", "name", "size", "contentType"}; id and name are required. */
function fileReferenceSchema(f: FieldDefinition): JsonRecord {
  const contentType: JsonRecord = f.accept && f.accept.length > 0 ? { type: "string", enum: [...f.accept] }
    : f.type === "signature" ? { type: "string", enum: [...signatureTypes] }
      : f.type === "image" ? { type: "string", pattern: "^image/" }
        : { type: "string", maxLength: 255 };
  const size: JsonRecord = { type: "integer", minimum: 0 };
  if (f.maxSize !== undefined) size.maximum = f.maxSize;
  return {
    type: "object",
    properties: {
      id: { type: "string", minLength: 1, maxLength: 200 },
      name: { type: "string", minLength: 1, maxLength: 255 },
      size,
      contentType,
    },
    required: ["id", "name"],
    additionalProperties: false,
  };
}

function bounds(schema: JsonRecord, f: FieldDefinition): void {
  if (f.min !== undefined) schema.minimum = f.min;
  if (f.max !== undefined) schema.maximum = f.max;
}

function list(schema: JsonRecord, f: FieldDefinition, items: JsonRecord, unique: boolean): void {
  schema.type = "array";
  schema.items = items;
  if (unique) schema.uniqueItems = true;
  if (f.minItems !== undefined) schema.minItems = f.minItems;
  if (f.maxItems !== undefined) schema.maxItems = f.maxItems;
}
