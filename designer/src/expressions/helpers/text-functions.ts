import { LinearPattern, PatternSyntaxError } from "../../patterns/linear-pattern";
import type { HelperCall } from "../helper-call";

/** matches, isMobile and isEmail. A null or undefined text never matches. */

const maxCachedPatterns = 512;
const patterns = new Map<string, LinearPattern>();

/**
 * matches(text, pattern): true when the pattern matches somewhere in the text, like RegExp.prototype.test (anchor
 * with ^ and $ for the whole text). The pattern must be a valid JavaScript RegExp and lie within the linear-time
 * dialect (no lookarounds or backreferences); it is then matched by the NFA matcher, so no text can make a pattern hang
 * the page. The server matches the same dialect the same way (Expressions/Patterns), and the conformance vectors keep
 * the two in step. Nothing is compiled to code: both run under a strict Content-Security-Policy.
 */
export const matches = (call: HelperCall) => {
  const text = call.optionalString(0, "text");
  const pattern = call.optionalString(1, "pattern");
  if (pattern === null) throw call.error("pattern must be a string, got null");
  const matcher = compile(call, pattern);
  return text !== null && matcher.test(text);
};

function compile(call: HelperCall, pattern: string): LinearPattern {
  const cached = patterns.get(pattern);
  if (cached) return cached;
  try {
    new RegExp(pattern);
  } catch (error) {
    throw call.error(`invalid pattern "${pattern}": ${(error as Error).message}`);
  }
  let matcher: LinearPattern;
  try {
    matcher = new LinearPattern(pattern, "ecmascript");
  } catch (error) {
    if (!(error instanceof PatternSyntaxError)) throw error;
    throw call.error(`the pattern "${pattern}" is not supported: ${error.message}`);
  }
  // Patterns come from definitions, so few are distinct; the bound only guards against a generated flood.
  if (patterns.size >= maxCachedPatterns) patterns.clear();
  patterns.set(pattern, matcher);
  return matcher;
}

/** Mainland mobile numbers: 11 ASCII digits, "1" then 3–9; no country code, spaces or dashes. */
export function isMainlandMobile(number: string): boolean {
  return /^1[3-9][0-9]{9}$/.test(number);
}

const emailPattern = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
export const maxEmailLength = 254;

/** The server's EmailAddress check: ASCII local part, dot-separated labels, a final label of two or more letters. */
export function isEmailAddress(address: string): boolean {
  return address.length <= maxEmailLength && emailPattern.test(address);
}

export const isMobile = (call: HelperCall) => {
  const value = call.arg(0);
  return typeof value === "string" && isMainlandMobile(value);
};

export const isEmail = (call: HelperCall) => {
  const value = call.arg(0);
  return typeof value === "string" && isEmailAddress(value);
};
