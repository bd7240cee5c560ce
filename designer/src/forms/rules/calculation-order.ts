import type { FieldPlace } from "../field-places";
import { findReferences } from "./expression-references";

/**
 * The order in which calculated fields are computed: a field comes after every calculated field its expression reads
 * (`data.k`, `item.k`, or `data.group` for a calculated field inside another group); ties in document order.
 * Returns the ids along a cycle instead when there is one.
 */
export function calculationOrder(places: readonly FieldPlace[]): { order: FieldPlace[]; cycle: string[] | null } {
  const calculated = places.filter((p) => p.field.calculate !== undefined);
  const dependencies = new Map(calculated.map((p) => [p.field.id, dependenciesOf(p, calculated)]));
  const order: FieldPlace[] = [];
  const state = new Map<string, 1 | 2>(); // 1 = visiting, 2 = done
  const stack: string[] = [];
  let cycle: string[] | null = null;

  const visit = (place: FieldPlace): void => {
    if (cycle) return;
    const id = place.field.id;
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) {
      cycle = [...stack.slice(stack.indexOf(id)), id];
      return;
    }
    state.set(id, 1);
    stack.push(id);
    for (const dependency of dependencies.get(id)!) visit(dependency);
    stack.pop();
    state.set(id, 2);
    order.push(place);
  };

  for (const place of calculated) visit(place);
  return { order, cycle };
}

function dependenciesOf(place: FieldPlace, calculated: readonly FieldPlace[]): FieldPlace[] {
  const references = findReferences(place.field.calculate!);
  if (!references) return [];
  return calculated.filter((other) => {
    const readsTopLevel = other.group === undefined && references.data.includes(other.field.key!);
    const readsSibling = other.group !== undefined && other.group === place.group && references.item.includes(other.field.key!);
    // A row reading its own group through data.group sees the rows as they stand; only fields outside the group
    // wait for the whole group to be calculated.
    const readsWholeGroup = other.group !== undefined && other.group !== place.group && references.data.includes(other.group.key!);
    return readsTopLevel || readsSibling || readsWholeGroup;
  });
}
