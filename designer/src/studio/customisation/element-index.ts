import type { FieldDefinition } from "../../forms";
import type { ModuleDocument } from "../api/types";

export type ElementKind = "form" | "page" | "section" | "field" | "workflow" | "activity" | "setting";

export interface ElementEntry {
  id: string;
  kind: ElementKind;
  node: Record<string, unknown>;
  /** The containing element (section of a field, page of a section, ...), undefined for top-level ones. */
  parent?: string;
  /** A readable name: the zh-CN label or title, else the type. */
  title: string;
}

/**
 * A text as a definition holds it: a plain string or one per locale (zh-CN read here). An expression (a task title
 * computed from the data) or anything else has no fixed text.
 */
export function plainText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  const zh = (value as Record<string, unknown> | null | undefined)?.["zh-CN"];
  return typeof zh === "string" ? zh : undefined;
}

/** What an element is called: its label, title or name, a step's title input (a message's title too), else its type. */
export function titleOf(node: Record<string, unknown>): string {
  return plainText(node.label) ?? plainText(node.title) ?? plainText(node.name)
    ?? plainText((node.inputs as { title?: unknown } | undefined)?.title) ?? String(node.type ?? "");
}

/** Every element of a module by its stable ID, as the template engine indexes them (engine Modules/Elements). */
export function indexElements(module: ModuleDocument): Map<string, ElementEntry> {
  const index = new Map<string, ElementEntry>();
  const put = (id: string, kind: ElementKind, node: object, parent?: string) =>
    index.set(id, { id, kind, node: node as Record<string, unknown>, parent, title: titleOf(node as Record<string, unknown>) });
  const fields = (list: FieldDefinition[], parent: string) => {
    for (const f of list) {
      put(f.id, "field", f, parent);
      if (f.fields) fields(f.fields, f.id);
    }
  };
  for (const form of module.forms ?? []) {
    put(form.id, "form", form);
    for (const page of form.pages) {
      put(page.id, "page", page, form.id);
      for (const section of page.sections) {
        put(section.id, "section", section, page.id);
        fields(section.fields, section.id);
      }
    }
  }
  if (module.workflow) {
    put(module.workflow.id, "workflow", module.workflow);
    for (const a of module.workflow.activities) put(a.id, "activity", a, module.workflow.id);
  }
  for (const [key, setting] of Object.entries(module.settings ?? {})) put(key, "setting", { ...setting, name: key, ...(setting.label ? { label: setting.label } : {}) });
  return index;
}

/** The element and its containers, innermost first. */
export function chainOf(index: Map<string, ElementEntry>, id: string): ElementEntry[] {
  const chain: ElementEntry[] = [];
  for (let e = index.get(id); e; e = e.parent ? index.get(e.parent) : undefined) chain.push(e);
  return chain;
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function pointerSegments(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map(unescape);
}

export function readPointer(node: unknown, pointer: string): unknown {
  let current = node;
  for (const segment of pointerSegments(pointer)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** Sets (or with undefined removes) the value at a pointer inside a node, creating objects on the way. Mutates. */
export function writePointer(node: Record<string, unknown>, pointer: string, value: unknown): void {
  const segments = pointerSegments(pointer);
  let current: Record<string, unknown> = node;
  for (const segment of segments.slice(0, -1)) {
    if (current[segment] === null || typeof current[segment] !== "object") current[segment] = {};
    current = current[segment] as Record<string, unknown>;
  }
  const last = segments[segments.length - 1];
  if (value === undefined) delete current[last];
  else current[last] = value;
}

/** A copy of the module with one property of one element set; the module is left alone. */
export function withProperty(module: ModuleDocument, elementId: string, pointer: string, value: unknown): ModuleDocument {
  const copy = structuredClone(module);
  const entry = indexElements(copy).get(elementId);
  if (!entry) return module;
  if (entry.kind === "setting") writePointer(copy.settings[elementId] as unknown as Record<string, unknown>, pointer, value);
  else writePointer(entry.node, pointer, value);
  return copy;
}
