import { isEmailAddress, isMainlandMobile, isResidentId } from "../../expressions";
import { daysInMonth } from "../../expressions/helpers/date-text";

/**
 * The string formats of the data contract, checked as the server checks them: "date" and "date-time" as
 * JsonSchema.Net 8 does (its RFC 3339 pattern, then a real calendar date and time), "email", "mobile" and
 * "resident-id" with the expression helpers' checks, and "region" as GB/T 2260 codes with a real province prefix.
 */
const provinces = new Set([
  "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
  "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83",
]);

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
// JsonSchema.Net's date-time pattern: T, t, _ or a space between date and time; Z or a ±hh:mm offset.
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt_]| )(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

function isRealDate(year: string, month: string, day: string): boolean {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isDate(text: string): boolean {
  const match = datePattern.exec(text);
  return match !== null && isRealDate(match[1], match[2], match[3]);
}

export function isDateTime(text: string): boolean {
  const match = dateTimePattern.exec(text);
  if (!match || !isRealDate(match[1], match[2], match[3])) return false;
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 59) return false;
  // .NET's DateTimeOffset accepts offsets up to ±14:00.
  return match[7] === undefined || (Number(match[8]) <= 59 && Number(match[7]) * 60 + Number(match[8]) <= 14 * 60);
}

export function isRegionCode(text: string): boolean {
  return /^[0-9]{6}$/.test(text) && provinces.has(text.slice(0, 2));
}

export const formatChecks: Readonly<Record<string, (text: string) => boolean>> = {
  date: isDate,
  "date-time": isDateTime,
  email: isEmailAddress,
  mobile: isMainlandMobile,
  "resident-id": isResidentId,
  region: isRegionCode,
};
