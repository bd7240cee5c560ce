import type { OverlayOperation } from "../api/types";
import type { ElementEntry, ElementKind } from "./element-index";

/**
 * The overlay's `move` (engine Modules/README.md, "Overlay"): pages, sections and fields move, each into a container of
 * its own kind (a page into a form, a section into a page, a field into a section or a group), before or after a
 * sibling there or last. Moves are worked out against the module as resolved now and go at the end of the overlay,
 * so they apply to exactly the order the user sees.
 */
export type MoveOperation = Extract<OverlayOperation, { op: "move" }>;

/** The element kinds that move, with the kind of container each goes into and the array there that holds it. */
const containers: Partial<Record<ElementKind, { into: ElementKind[]; array: string }>> = {
  page: { into: ["form"], array: "pages" },
  section: { into: ["page"], array: "sections" },
  field: { into: ["section", "field"], array: "fields" },
};

export function movable(entry: ElementEntry | undefined): boolean {
  return entry !== undefined && entry.kind in containers && entry.parent !== undefined;
}

function entryOf(index: Map<string, ElementEntry>, id: string): ElementEntry {
  const entry = index.get(id);
  if (!entry) throw new Error(`the module has no element '${id}'`);
  if (!movable(entry)) throw new Error(`only pages, sections and fields move; '${id}' is a ${entry.kind}`);
  return entry;
}

/** The IDs of an element's siblings in order, itself included. */
export function siblingsOf(index: Map<string, ElementEntry>, id: string): string[] {
  const entry = entryOf(index, id);
  const parent = index.get(entry.parent!)!;
  return ((parent.node[containers[entry.kind]!.array] ?? []) as { id: string }[]).map((c) => c.id);
}

/** `{op: "move"}` one place up (before the sibling above) or down (after the sibling below) in the same container. */
export function stepOperation(index: Map<string, ElementEntry>, id: string, direction: "up" | "down"): MoveOperation {
  const siblings = siblingsOf(index, id);
  const at = siblings.indexOf(id);
  const neighbour = siblings[direction === "up" ? at - 1 : at + 1];
  if (neighbour === undefined) throw new Error(`'${id}' is already ${direction === "up" ? "first" : "last"} in '${index.get(id)!.parent}'`);
  return { op: "move", element: id, parent: index.get(id)!.parent!, ...(direction === "up" ? { before: neighbour } : { after: neighbour }) };
}

/**
 * Where an element may be moved to: the other containers of its kind in the same form (a field: sections, not
 * groups, which are reordered within; a section: pages). Pages only change places within their form.
 */
export function moveTargets(index: Map<string, ElementEntry>, id: string): ElementEntry[] {
  const entry = entryOf(index, id);
  if (entry.kind === "page") return [];
  const form = formOf(index, id);
  const kind = entry.kind === "field" ? "section" : "page";
  return [...index.values()].filter((e) => e.kind === kind && e.id !== entry.parent && formOf(index, e.id) === form);
}

function formOf(index: Map<string, ElementEntry>, id: string): string {
  let e = index.get(id)!;
  while (e.parent) e = index.get(e.parent)!;
  return e.id;
}

/** `{op: "move"}` of an element to the end of another container of its kind. */
export function moveIntoOperation(index: Map<string, ElementEntry>, id: string, parent: string): MoveOperation {
  const target = index.get(parent);
  if (!target) throw new Error(`the module has no element '${parent}'`);
  if (!containers[entryOf(index, id).kind]!.into.includes(target.kind) || (target.kind === "field" && target.node.type !== "group")) {
    throw new Error(`a ${index.get(id)!.kind} cannot go into '${parent}' (${target.kind})`);
  }
  return { op: "move", element: id, parent };
}

/** Does an operation name the element (as what it changes, where it goes, or its anchor)? */
function names(operation: OverlayOperation, id: string): boolean {
  if (operation.op === "add") return operation.definition.id === id || operation.parent === id || operation.after === id || operation.before === id;
  if (operation.op === "move") return operation.element === id || operation.parent === id || operation.after === id || operation.before === id;
  return operation.element === id;
}

/**
 * The overlay with one more move. An earlier move of the same element is dropped when nothing after it names the
 * element or hides anything (which could take the element along from where the earlier move had put it): the new
 * move puts it where it ends up regardless, so the list of changes keeps one entry per moved element.
 */
export function withMove(operations: readonly OverlayOperation[], move: MoveOperation): OverlayOperation[] {
  const superseded = (o: OverlayOperation, at: number) => o.op === "move" && o.element === move.element
    && !operations.slice(at + 1).some((later) => later.op === "hide" || names(later, move.element));
  return [...operations.filter((o, at) => !superseded(o, at)), move];
}

/** The IDs of elements the overlay moves. */
export function movedIds(operations: readonly OverlayOperation[]): Set<string> {
  return new Set(operations.flatMap((o) => (o.op === "move" ? [o.element] : [])));
}

/** The overlay without the element's moves: it goes back to where the parent has it (or its addition put it). */
export function withoutMovesOf(operations: readonly OverlayOperation[], id: string): OverlayOperation[] {
  return operations.filter((o) => !(o.op === "move" && o.element === id));
}
