import type { FieldType } from "../../forms/field-types";
import type { ModuleDocument, OverlayOperation } from "../api/types";
import { newFieldProperties } from "../form-designer/field-catalog";
import { freshFieldId } from "../form-designer/form-edits";
import { activitySpec, defaultInputs, offeredActivitySpecs } from "../workflow-designer/activity-registry";
import type { ActivityDefinition } from "../workflow-designer/workflow-definition";
import type { ElementEntry } from "./element-index";
import { addedIds } from "./element-status";

/**
 * The overlay operations a derived module adds structure with (engine Modules/README.md, "Overlay"): a field added into a
 * section, a workflow step inserted at an extension point. IDs are fresh across the whole module, as the engine
 * requires (IDs are unique across forms, workflow and settings).
 */

/** `{op: "add"}` of a new field of `type` at the end of a section. */
export function addFieldOperation(module: ModuleDocument, index: Map<string, ElementEntry>, sectionId: string, type: FieldType, label: string): OverlayOperation {
  const form = module.forms.find((f) => f.pages.some((p) => p.sections.some((s) => s.id === sectionId)));
  if (!form) throw new Error(`no section '${sectionId}'`);
  const id = freshFieldId(form, type === "content" ? "note" : "field", new Set(index.keys()));
  const text = label.trim() || id;
  const definition = { id, ...(type === "content" ? {} : { key: id }), type, label: { "zh-CN": text }, ...newFieldProperties(type) };
  return { op: "add", parent: sectionId, definition };
}

/** Step types a lower level may insert: anything but the flow's own structure (start, end, branches and joins). */
export function insertableStepTypes(): string[] {
  return offeredActivitySpecs().filter((s) => s.category !== "flow").map((s) => s.type);
}

/** A new activity of the type with the inputs it needs to validate (the engine's defaults) and a title. */
export function newStep(module: ModuleDocument, index: Map<string, ElementEntry>, type: string, title: string): ActivityDefinition {
  const spec = activitySpec(type);
  if (!spec) throw new Error(`unknown activity type '${type}'`);
  const points = new Set(module.extensionPoints.map((p) => p.id));
  let n = 1;
  while (index.has(`${type}${n}`) || points.has(`${type}${n}`)) n++;
  const inputs = defaultInputs(type) ?? {};
  const name = title.trim();
  // A task's title is what its handler sees in the inbox; other steps carry the title as their name.
  if (name && type === "userTask") inputs.title = name;
  return { id: `${type}${n}`, type, ...(name && type !== "userTask" ? { name } : {}), ...(Object.keys(inputs).length ? { inputs } : {}) };
}

/** `{op: "add"}` of a step at an extension point, leaving through `exit` back onto the point's connection. */
export function insertStepOperation(pointId: string, step: ActivityDefinition, exit: string): OverlayOperation {
  return { op: "add", parent: pointId, definition: step as unknown as Record<string, unknown>, ...(exit !== "done" ? { exit } : {}) };
}

/**
 * The overlay without hiding `elementId` (restoring it), or without adding it: then also without the operations on
 * what the addition brought, which would otherwise point at nothing.
 */
export function withoutOperationsOn(operations: readonly OverlayOperation[], elementId: string): OverlayOperation[] {
  const gone = addedIds(operations.filter((o) => o.op === "add" && o.definition.id === elementId));
  return operations.filter((o) => !(o.op === "hide" && o.element === elementId) && !(o.op === "add" && o.definition.id === elementId)
    && !(o.op !== "add" && gone.has(o.element)));
}
