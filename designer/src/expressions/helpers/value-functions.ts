import type { HelperCall } from "../helper-call";
import { isNullish, typeName, type Value } from "../values";

/** len, isEmpty, coalesce and round: helpers about any value. */

/** len(x): characters (UTF-16 units, as JavaScript's length) of a string, items of an array; 0 for null. */
export const len = (call: HelperCall) => {
  const value = call.arg(0);
  if (isNullish(value)) return 0;
  if (typeof value === "string" || Array.isArray(value)) return value.length;
  throw call.error(`expects a string or an array, got ${typeName(value)}`);
};

/** null, undefined, "", [] and {} are empty; 0, false and "  " are not. */
export function isEmptyValue(value: Value): boolean {
  if (isNullish(value)) return true;
  if (typeof value === "string" || Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value as object).length === 0;
  return false;
}

export const isEmpty = (call: HelperCall) => isEmptyValue(call.arg(0));

/** coalesce(a, b, ...): the first argument that is neither null nor undefined; null when all are. */
export const coalesce = (call: HelperCall) => {
  for (let i = 0; i < call.count; i++) if (!call.isNullish(i)) return call.arg(i);
  return null;
};

/**
 * round(x[, digits]): half away from zero at the number's shortest decimal form (the digits JavaScript prints), so
 * round(2.345, 2) is 2.35 and round(-2.5) is -3, unlike Math.round. null stays null.
 */
export const round = (call: HelperCall) => {
  if (call.isNullish(0)) return null;
  const x = call.number(0, "x");
  const digits = call.count > 1 ? call.integer(1, "digits", 0, 10) : 0;
  if (!Number.isFinite(x)) return x;
  const rounded = roundDecimal(x, digits);
  return rounded === 0 ? 0 : rounded;
};

/**
 * Rounds the shortest decimal text of x (what String(x) prints) half away from zero, digit by digit, as the server
 * does with System.Decimal. Numbers beyond decimal's range (about 7.9e28) have no fraction digits and stay as they are.
 */
export function roundDecimal(x: number, digits: number): number {
  if (Math.abs(x) >= 7.9e28) return x;
  const negative = x < 0;
  const [mantissa, exponentText] = String(Math.abs(x)).split("e");
  const exponent = exponentText ? Number(exponentText) : 0;
  const [whole, fraction = ""] = mantissa.split(".");
  // All digits of |x| and the position of the decimal point within them.
  let allDigits = whole + fraction;
  let point = whole.length + exponent;
  if (point < 0) {
    allDigits = "0".repeat(-point) + allDigits;
    point = 0;
  }
  if (allDigits.length < point) allDigits += "0".repeat(point - allDigits.length);
  const keep = point + digits;
  if (allDigits.length <= keep) return x;
  const kept = (allDigits.slice(0, keep) || "0").split("").map(Number);
  if (Number(allDigits[keep]) >= 5) {
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === 9) kept[i--] = 0;
    if (i >= 0) kept[i]++;
    else {
      kept.unshift(1);
      point++;
    }
  }
  const text = kept.join("");
  const integerPart = text.slice(0, text.length - digits) || "0";
  const fractionPart = digits > 0 ? text.slice(text.length - digits) : "";
  const result = Number(fractionPart ? `${integerPart}.${fractionPart}` : integerPart);
  return negative ? -result : result;
}
