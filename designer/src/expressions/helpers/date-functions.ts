import type { HelperCall } from "../helper-call";
import { dateParts, writeDate, type DayNumber } from "./date-text";
import { chinaMainland } from "./working-day-calendar";

/** Date helpers over "yyyy-MM-dd" strings. A null, undefined or "" date yields null. */

export const today = (call: HelperCall) => writeDate(call.today());

/** Full years from birth to asOf; someone born on 29 February turns a year older on 1 March in common years. */
export function fullYears(birth: DayNumber, asOf: DayNumber): number {
  const b = dateParts(birth);
  const a = dateParts(asOf);
  let years = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) years--;
  return years;
}

/** age(birthDate[, asOf]): full years lived at asOf (default today). */
export const age = (call: HelperCall) => {
  const birth = call.optionalDate(0, "birthDate");
  const asOf = call.optionalDate(1, "asOf") ?? call.today();
  return birth === null ? null : fullYears(birth, asOf);
};

/** daysBetween(a, b): b minus a in days, negative when b is earlier. */
export const daysBetween = (call: HelperCall) => {
  const from = call.optionalDate(0, "from");
  const to = call.optionalDate(1, "to");
  return from === null || to === null ? null : to - from;
};

export const addDays = (call: HelperCall) => {
  const date = call.optionalDate(0, "date");
  const days = call.integer(1, "days", -36500, 36500);
  return date === null ? null : writeDate(date + days);
};

/** workingDaysBetween(a, b): working days after a up to and including b; negative when b is earlier. */
export const workingDaysBetween = (call: HelperCall) => {
  const from = call.optionalDate(0, "from");
  const to = call.optionalDate(1, "to");
  if (from === null || to === null) return null;
  if (Math.abs(to - from) > 36500) throw call.error("the dates are more than 100 years apart");
  call.context.charge(Math.abs(to - from));
  return chinaMainland.workingDaysBetween(from, to);
};

/** addWorkingDays(d, n): the day on which n working days after d have passed (d itself never counts). */
export const addWorkingDays = (call: HelperCall) => {
  const date = call.optionalDate(0, "date");
  const days = call.integer(1, "days", 0, 3650);
  return date === null ? null : writeDate(chinaMainland.addWorkingDays(date, days));
};
