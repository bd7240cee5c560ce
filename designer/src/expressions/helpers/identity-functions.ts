import type { HelperCall } from "../helper-call";
import { writeDate } from "./date-text";
import { fullYears } from "./date-functions";
import { parseResidentId } from "./resident-id";

/** Resident ID helpers: an ID that is not valid (or null) yields false/null, never an error — forms derive birth date
 * and sex while the number is still being typed. */
function parse(call: HelperCall) {
  const id = call.arg(0);
  return typeof id === "string" ? parseResidentId(id) : null;
}

export const isResidentId = (call: HelperCall) => parse(call) !== null;

export const birthDateFromId = (call: HelperCall) => {
  const parts = parse(call);
  return parts ? writeDate(parts.birth) : null;
};

export const sexFromId = (call: HelperCall) => {
  const parts = parse(call);
  return parts ? (parts.male ? "male" : "female") : null;
};

/** ageFromId(id[, asOf]): full years at asOf (default today). */
export const ageFromId = (call: HelperCall) => {
  const asOf = call.optionalDate(1, "asOf") ?? call.today();
  const parts = parse(call);
  return parts ? fullYears(parts.birth, asOf) : null;
};
