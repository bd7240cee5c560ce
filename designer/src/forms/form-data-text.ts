import type { FormDefinition } from "./definition";
import { topDataFields, dataChildren } from "./field-places";
import { isGroup } from "./field-types";
import { hasOwn, isRecord, type JsonData, type JsonRecord } from "./json-data";
import { moneyText } from "./money";

/**
 * Normalized form data as JSON text, the way the server writes it: keys as they stand (document order after
 * processing), Chinese unescaped, and money written with exactly two decimals (12.5 → 12.50) — JavaScript numbers do
 * not keep their notation, so the form definition says where the amounts are.
 */
export function formDataText(form: FormDefinition, data: JsonRecord): string {
  const top = new Map(topDataFields(form).map((field) => [field.key!, field]));
  return writeObject(data, (key, value) => {
    const field = top.get(key);
    if (!field) return undefined;
    if (field.type === "money") return money(value);
    if (!isGroup(field) || !Array.isArray(value)) return undefined;
    const children = new Map(dataChildren(field).map((child) => [child.key!, child]));
    const rows = value.map((row) => isRecord(row)
      ? writeObject(row, (childKey, childValue) => (children.get(childKey)?.type === "money" ? money(childValue) : undefined))
      : JSON.stringify(row));
    return `[${rows.join(",")}]`;
  });
}

function money(value: JsonData): string | undefined {
  return typeof value === "number" ? moneyText(value) : undefined;
}

/** An object with each member written by `special` when it has a say, else as JSON. */
function writeObject(object: JsonRecord, special: (key: string, value: JsonData) => string | undefined): string {
  const members = Object.keys(object).filter((key) => hasOwn(object, key))
    .map((key) => `${JSON.stringify(key)}:${special(key, object[key]) ?? JSON.stringify(object[key])}`);
  return `{${members.join(",")}}`;
}
