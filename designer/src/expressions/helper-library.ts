import type { HelperFunction } from "./helper-call";
import { sum, count, min, max } from "./helpers/aggregate-functions";
import { addDays, addWorkingDays, age, daysBetween, today, workingDaysBetween } from "./helpers/date-functions";
import { ageFromId, birthDateFromId, isResidentId, sexFromId } from "./helpers/identity-functions";
import { isEmail, isMobile, matches } from "./helpers/text-functions";
import { coalesce, isEmpty, len, round } from "./helpers/value-functions";

/** The helper functions every expression can call, by name — the same set as the server's HelperLibrary. */
const functions: ReadonlyMap<string, HelperFunction> = new Map<string, HelperFunction>([
  ["isResidentId", isResidentId],
  ["birthDateFromId", birthDateFromId],
  ["ageFromId", ageFromId],
  ["sexFromId", sexFromId],
  ["age", age],
  ["today", today],
  ["daysBetween", daysBetween],
  ["addDays", addDays],
  ["workingDaysBetween", workingDaysBetween],
  ["addWorkingDays", addWorkingDays],
  ["len", len],
  ["isEmpty", isEmpty],
  ["coalesce", coalesce],
  ["round", round],
  ["sum", sum],
  ["count", count],
  ["min", min],
  ["max", max],
  ["matches", matches],
  ["isMobile", isMobile],
  ["isEmail", isEmail],
]);

export const helperNames: readonly string[] = [...functions.keys()];

export function isHelper(name: string): boolean {
  return functions.has(name);
}

export function helper(name: string): HelperFunction | undefined {
  return functions.get(name);
}
