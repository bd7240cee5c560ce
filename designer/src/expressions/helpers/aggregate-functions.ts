import type { HelperCall } from "../helper-call";
import { isNullish, readMember, typeName, type Value } from "../values";
import { isEmptyValue } from "./value-functions";

/**
 * sum, count, min and max over arrays (typically a repeating group). A null or undefined array counts as empty; with
 * a key, each item's member of that name is used and null items are skipped.
 */

/** The values to aggregate, and how an error names the one at an index ("item 2.amount", "argument 1"). */
interface Values {
  values: Value[];
  position: (index: number) => string;
}

/** The values of the array in argument 0, or of each item's member named by argument 1. */
function arrayValues(call: HelperCall): Values {
  if (call.isNullish(0)) return { values: [], position: String };
  const array = call.arg(0);
  if (!Array.isArray(array)) throw call.error(`expects an array, got ${typeName(array)}`);
  call.context.chargeArray(array, call.name);
  const key = call.optionalString(1, "key");
  if (key === null) return { values: array, position: (i) => `item ${i}` };
  const values: Value[] = [];
  const indexes: number[] = [];
  for (let i = 0; i < array.length; i++) {
    const item: Value = array[i];
    if (isNullish(item)) continue;
    if (typeof item !== "object") throw call.error(`item ${i} is not an object, got ${typeName(item)}`);
    values.push(readMember(item, key));
    indexes.push(i);
  }
  return { values, position: (i) => `item ${indexes[i]}.${key}` };
}

function argumentValues(call: HelperCall): Values {
  const values: Value[] = [];
  for (let i = 0; i < call.count; i++) values.push(call.arg(i));
  return { values, position: (i) => `argument ${i + 1}` };
}

function numberAt(call: HelperCall, { values, position }: Values, index: number): number {
  const value = values[index];
  if (typeof value === "number") return value;
  throw call.error(`${position(index)} is not a number, got ${typeName(value)}`);
}

/** sum(array[, key]): numbers added left to right; null/undefined values skipped; 0 for none. */
export const sum = (call: HelperCall) => {
  const entries = arrayValues(call);
  let total = 0;
  for (let i = 0; i < entries.values.length; i++) if (!isNullish(entries.values[i])) total += numberAt(call, entries, i);
  return total;
};

/** count(array[, key]): how many values are not empty in the sense of isEmpty. */
export const count = (call: HelperCall) => {
  let total = 0;
  for (const value of arrayValues(call).values) if (!isEmptyValue(value)) total++;
  return total;
};

/** min(array[, key]) or min(a, b, ...): the extreme number, null/undefined skipped; null when there is none. */
function extreme(call: HelperCall, better: (candidate: number, best: number) => boolean): Value {
  let best: number | null = null;
  const entries = Array.isArray(call.arg(0)) || (call.count === 1 && call.isNullish(0)) ? arrayValues(call) : argumentValues(call);
  for (let i = 0; i < entries.values.length; i++) {
    if (isNullish(entries.values[i])) continue;
    const number = numberAt(call, entries, i);
    if (Number.isNaN(number)) return NaN;
    if (best === null || better(number, best)) best = number;
  }
  return best;
}

export const min = (call: HelperCall) => extreme(call, (candidate, best) => candidate < best);
export const max = (call: HelperCall) => extreme(call, (candidate, best) => candidate > best);
