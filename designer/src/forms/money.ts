import { roundDecimal } from "../expressions/helpers/value-functions";

/**
 * Money is a number with at most two decimals, written with exactly two (12.5 → 12.50). JavaScript numbers do not
 * keep their notation, so the two decimals are applied when the data is written as text (formDataText).
 * Decimal places are counted on the number's shortest decimal form, as the server reads it into System.Decimal.
 */

/** Above this the server's System.Decimal cannot hold the amount, and it leaves the value as it is. */
const decimalLimit = 7.9e28;

/** Digits after the decimal point in the shortest decimal form of x (1e-10 has 10, 1.5e3 has 0). */
export function decimalPlaces(x: number): number {
  const [mantissa, exponent = "0"] = String(Math.abs(x)).split("e");
  const fraction = mantissa.split(".")[1] ?? "";
  return Math.max(0, fraction.length - Number(exponent));
}

/** True when the server writes this amount with exactly two decimals. */
export function isNormalMoney(x: number): boolean {
  return Number.isFinite(x) && Math.abs(x) < decimalLimit && decimalPlaces(x) <= 2;
}

/** A calculated amount: rounded half away from zero to two decimals (of its shortest decimal form). */
export function roundMoney(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= decimalLimit) return x;
  const rounded = roundDecimal(x, 2);
  return rounded === 0 ? 0 : rounded;
}

/** The amount written with exactly two decimals; amounts the server leaves alone are written as JavaScript does. */
export function moneyText(x: number): string {
  if (!isNormalMoney(x)) return String(x);
  if (Math.abs(x) < 1e21) return (x === 0 ? 0 : x).toFixed(2);
  return `${BigInt(x).toString()}.00`;
}
