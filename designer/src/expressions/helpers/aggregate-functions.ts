import type { HelperCall } from "../helper-call";
import { isNullish, readMember, typeName, type Value } from "../values";
import { isEmptyValue } from "./value-functions";

/**
 * sum, count, min and max over arrays (typically a repeating group). A null or undefined array counts as empty; with
 * a key, each item's member of that name is used and null items are skipped.
 */

interface Positioned {
  value: Value;
  position: string;
}

/** The values of the array in argument 0, or of each item's member named by argument 1. */
function values(call: HelperCall): Positioned[] {
  if (call.isNullish(0)) return [];
  const array = call.arg(0);
  if (!Array.isArray(array)) throw call.error(`expects an array, got ${typeName(array)}`);
  const key = call.optionalString(1, "key");
  call.context.charge(array.length);
  const result: Positioned[] = [];
  for (let i = 0; i < array.length; i++) {
    const item: Value = array[i];
    if (key === null) {
      result.push({ value: item, position: `item ${i}` });
      continue;
    }
    if (isNullish(item)) continue;
    if (typeof item !== "object") throw call.error(`item ${i} is not an object, got ${typeName(item)}`);
    result.push({ value: readMember(item, key), position: `item ${i}.${key}` });
  }
  return result;
}

function argumentsOf(call: HelperCall): Positioned[] {
  const result: Positioned[] = [];
  for (let i = 0; i < call.count; i++) result.push({ value: call.arg(i), position: `argument ${i + 1}` });
  return result;
}

function numberAt(call: HelperCall, { value, position }: Positioned): number {
  if (typeof value === "number") return value;
  throw call.error(`${position} is not a number, got ${typeName(value)}`);
}

/** sum(array[, key]): numbers added left to right; null/undefined values skipped; 0 for none. */
export const sum = (call: HelperCall) => {
  let total = 0;
  for (const entry of values(call)) if (!isNullish(entry.value)) total += numberAt(call, entry);
  return total;
};

/** count(array[, key]): how many values are not empty in the sense of isEmpty. */
export const count = (call: HelperCall) => values(call).filter((entry) => !isEmptyValue(entry.value)).length;

/** min(array[, key]) or min(a, b, ...): the extreme number, null/undefined skipped; null when there is none. */
function extreme(call: HelperCall, better: (candidate: number, best: number) => boolean): Value {
  let best: number | null = null;
  const entries = Array.isArray(call.arg(0)) || (call.count === 1 && call.isNullish(0)) ? values(call) : argumentsOf(call);
  for (const entry of entries) {
    if (isNullish(entry.value)) continue;
    const number = numberAt(call, entry);
    if (Number.isNaN(number)) return NaN;
    if (best === null || better(number, best)) best = number;
  }
  return best;
}

export const min = (call: HelperCall) => extreme(call, (candidate, best) => candidate < best);
export const max = (call: HelperCall) => extreme(call, (candidate, best) => candidate > best);
