import type { FieldDefinition, FormDefinition, PageDefinition, SectionDefinition } from "../../forms";
import type { FieldType } from "../../forms/field-types";
import { newFieldProperties } from "./field-catalog";

/** Pure structure edits of a form definition; property edits go through the module's setProperty. */

function allIds(form: FormDefinition): Set<string> {
  const ids = new Set<string>([form.id]);
  const walk = (fields: FieldDefinition[]) => fields.forEach((f) => { ids.add(f.id); if (f.key) ids.add(`key:${f.key}`); if (f.fields) walk(f.fields); });
  for (const p of form.pages) { ids.add(p.id); for (const s of p.sections) { ids.add(s.id); walk(s.fields); } }
  return ids;
}

/** A fresh ID (and data key) from a base: field1, field2 ... unique among ids and keys. */
export function freshFieldId(form: FormDefinition, base: string, taken: ReadonlySet<string> = new Set()): string {
  const ids = allIds(form);
  for (let n = 1; ; n++) {
    const id = `${base}${n}`;
    if (!ids.has(id) && !ids.has(`key:${id}`) && !taken.has(id)) return id;
  }
}

function mapSections(form: FormDefinition, change: (s: SectionDefinition) => SectionDefinition): FormDefinition {
  return { ...form, pages: form.pages.map((p) => ({ ...p, sections: p.sections.map(change) })) };
}

/** Adds a field of a type into a section at an index (end when absent); also used as the drop of a palette item. */
export function addField(form: FormDefinition, sectionId: string, type: FieldType, index?: number, takenIds?: ReadonlySet<string>): { form: FormDefinition; id: string } {
  const id = freshFieldId(form, type === "content" ? "note" : "field", takenIds);
  const field: FieldDefinition = {
    id, ...(type === "content" ? {} : { key: id }), type,
    label: { "zh-CN": `新字段 ${id}`, en: `New field ${id}` }, ...newFieldProperties(type),
  };
  return {
    form: mapSections(form, (s) => {
      if (s.id !== sectionId) return s;
      const fields = [...s.fields];
      fields.splice(index ?? fields.length, 0, field);
      return { ...s, fields };
    }),
    id,
  };
}

/** Moves a field to a section (any page) at an index. */
export function moveField(form: FormDefinition, fieldId: string, sectionId: string, index: number): FormDefinition {
  let moving: FieldDefinition | undefined;
  let removedFrom: string | undefined;
  let removedAt = -1;
  const without = mapSections(form, (s) => {
    const at = s.fields.findIndex((f) => f.id === fieldId);
    if (at < 0) return s;
    moving = s.fields[at];
    removedFrom = s.id;
    removedAt = at;
    return { ...s, fields: s.fields.filter((f) => f.id !== fieldId) };
  });
  if (!moving) return form;
  const target = removedFrom === sectionId && removedAt < index ? index - 1 : index;
  return mapSections(without, (s) => {
    if (s.id !== sectionId) return s;
    const fields = [...s.fields];
    fields.splice(Math.min(target, fields.length), 0, moving!);
    return { ...s, fields };
  });
}

export function removeElement(form: FormDefinition, id: string): FormDefinition {
  const prune = (fields: FieldDefinition[]): FieldDefinition[] => fields.filter((f) => f.id !== id).map((f) => (f.fields ? { ...f, fields: prune(f.fields) } : f));
  return {
    ...form,
    pages: form.pages.filter((p) => p.id !== id).map((p) => ({ ...p, sections: p.sections.filter((s) => s.id !== id).map((s) => ({ ...s, fields: prune(s.fields) })) })),
  };
}

export function addPage(form: FormDefinition): FormDefinition {
  const pageId = freshFieldId(form, "page");
  const sectionId = freshFieldId(form, "section", new Set([pageId]));
  const page: PageDefinition = { id: pageId, title: { "zh-CN": "新页面", en: "New page" }, sections: [{ id: sectionId, title: { "zh-CN": "新分组", en: "New section" }, fields: [] }] };
  return { ...form, pages: [...form.pages, page] };
}

export function addSection(form: FormDefinition, pageId: string): FormDefinition {
  const id = freshFieldId(form, "section");
  return { ...form, pages: form.pages.map((p) => (p.id === pageId ? { ...p, sections: [...p.sections, { id, title: { "zh-CN": "新分组", en: "New section" }, fields: [] }] } : p)) };
}

/** Every data field with its key and zh-CN label (for field permissions and rule hints). */
export function dataFields(form: FormDefinition | undefined): { id: string; key: string; label: string }[] {
  const out: { id: string; key: string; label: string }[] = [];
  const walk = (fields: FieldDefinition[]) => fields.forEach((f) => { if (f.key) out.push({ id: f.id, key: f.key, label: f.label?.["zh-CN"] ?? f.key }); });
  form?.pages.forEach((p) => p.sections.forEach((s) => walk(s.fields)));
  return out;
}

export function findField(form: FormDefinition, id: string): FieldDefinition | undefined {
  let found: FieldDefinition | undefined;
  const walk = (fields: FieldDefinition[]) => fields.forEach((f) => { if (f.id === id) found = f; if (f.fields) walk(f.fields); });
  form.pages.forEach((p) => p.sections.forEach((s) => walk(s.fields)));
  return found;
}
