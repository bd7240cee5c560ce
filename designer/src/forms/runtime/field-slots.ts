import type { FieldDefinition } from "../definition";
import { dataChildren } from "../field-places";
import { isGroup } from "../field-types";
import { deepClone, isRecord, own, removeOwn, setOwn, type JsonRecord } from "../json-data";

/** Handles one field's slot in `target`, next to the matching previous (stored) object; true claims the whole value. */
export type SlotVisitor = (target: JsonRecord, previous: JsonRecord | undefined, field: FieldDefinition, group: FieldDefinition | undefined, path: string) => boolean;

/**
 * Visits every top-level field of the data and, for a group the visitor did not claim, every child of every row that
 * is an object — with the previous row of the same index (rows are matched by index).
 */
export function visitSlots(topFields: readonly FieldDefinition[], data: JsonRecord, previous: JsonRecord, visit: SlotVisitor): void {
  for (const field of topFields) {
    const path = `/${field.key}`;
    if (visit(data, previous, field, undefined, path)) continue;
    const rows = own(data, field.key!);
    if (!isGroup(field) || !Array.isArray(rows)) continue;
    const previousRows = own(previous, field.key!);
    rows.forEach((row, i) => {
      if (!isRecord(row)) return;
      const previousRow = Array.isArray(previousRows) && isRecord(previousRows[i]) ? (previousRows[i] as JsonRecord) : undefined;
      for (const child of dataChildren(field)) visit(row, previousRow, child, field, `${path}/${i}/${child.key}`);
    });
  }
}

/** Puts the previous value of a field back in place of whatever is there (or leaves the field absent). */
export function restorePrevious(target: JsonRecord, previous: JsonRecord | undefined, key: string): void {
  removeOwn(target, key);
  const kept = own(previous, key);
  if (kept !== undefined && kept !== null) setOwn(target, key, deepClone(kept));
}
