import type { FieldDefinition } from "./definition";

/** The field type names of the forms engine (FieldTypes.cs). */
export const fieldTypes = [
  "text", "textarea", "number", "money", "date", "datetime", "boolean", "choice", "multiChoice", "region", "org",
  "mobile", "residentId", "email", "file", "image", "signature", "rating", "group", "content", "quiz",
] as const;

export type FieldType = (typeof fieldTypes)[number];

export function hasData(field: FieldDefinition): boolean {
  return field.type !== "content";
}

export function isGroup(field: FieldDefinition): boolean {
  return field.type === "group";
}

export function isFileLike(field: FieldDefinition): boolean {
  return field.type === "file" || field.type === "image" || field.type === "signature";
}

/** True when the value is an array (group, multiChoice, multiple files, multiple-answer quiz). */
export function isList(field: FieldDefinition): boolean {
  return field.type === "group" || field.type === "multiChoice"
    || (field.multiple === true && (field.type === "file" || field.type === "image" || field.type === "quiz"));
}
