import type { FieldAccess, FormDefinition, JsonRecord } from "../forms";

export interface MaskedField { key: string; label: string | Record<string, string> }

/** The personal fields a step shows masked: those with a PII class it may not read, and does not hide. */
export function maskedFields(form: FormDefinition, data: JsonRecord, permissions: Record<string, FieldAccess>): MaskedField[] {
  const found: MaskedField[] = [];
  for (const page of form.pages) for (const section of page.sections) for (const field of section.fields) {
    if (!field.key || !field.pii || !(field.key in data)) continue;
    const access = permissions[field.key];
    if (access === "read" || access === "edit" || access === "required" || access === "hidden") continue;
    found.push({ key: field.key, label: field.label as string | Record<string, string> });
  }
  return found;
}

