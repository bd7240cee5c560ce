import type { FieldDefinition, FormDefinition } from "./definition";
import { hasData } from "./field-types";

/** Where a field sits: its JSON Pointer in the definition and the repeating group around it, if any. */
export interface FieldPlace {
  field: FieldDefinition;
  definitionPath: string;
  group: FieldDefinition | undefined;
}

/** Every field of the form in document order, with its place (group children follow their group). */
export function allPlaces(form: FormDefinition): FieldPlace[] {
  const places: FieldPlace[] = [];
  const walk = (field: FieldDefinition, path: string, group: FieldDefinition | undefined) => {
    places.push({ field, definitionPath: path, group });
    (field.fields ?? []).forEach((child, i) => walk(child, `${path}/fields/${i}`, field));
  };
  form.pages.forEach((page, p) =>
    page.sections.forEach((section, s) =>
      section.fields.forEach((field, f) => walk(field, `/pages/${p}/sections/${s}/fields/${f}`, undefined))));
  return places;
}

/** The top-level fields that hold data, in document order. */
export function topDataFields(form: FormDefinition): FieldDefinition[] {
  return form.pages.flatMap((page) => page.sections.flatMap((section) => section.fields.filter(hasData)));
}

/** The data-holding children of a group. */
export function dataChildren(field: FieldDefinition): FieldDefinition[] {
  return (field.fields ?? []).filter(hasData);
}
