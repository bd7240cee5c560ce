import { ExpressionError } from "./errors";
import type { ExpressionOptions } from "./options";
import { parseDate, type DayNumber } from "./helpers/date-text";
import { isNullish, typeName, type Value } from "./values";

/** What helpers share during one evaluation: the options (clock) and the work budget. */
export interface HelperContext {
  options: ExpressionOptions;
  /** Spends work units; throws a limit error when the evaluation's budget is used up. */
  charge(units: number): void;
  /** Pays for walking an array; a TypeError (runtime error) beyond the array length limit. */
  chargeArray(array: readonly unknown[], method: string): void;
}

/** A helper refusing its arguments: the expression sees a TypeError, the caller a runtime error. */
export class HelperError extends TypeError {}

/** One call of a helper function: its arguments, read with the library's null rules and clear errors. */
export class HelperCall {
  constructor(readonly name: string, private readonly args: Value[], readonly context: HelperContext) {}

  get count(): number {
    return this.args.length;
  }

  arg(index: number): Value {
    return index < this.args.length ? this.args[index] : undefined;
  }

  isNullish(index: number): boolean {
    return isNullish(this.arg(index));
  }

  /** "len: expects a string or an array, got number". */
  error(message: string): HelperError {
    return new HelperError(`${this.name}: ${message}`);
  }

  /** null/undefined read as null; anything else must be a string. */
  optionalString(index: number, parameter: string): string | null {
    const value = this.arg(index);
    if (isNullish(value)) return null;
    if (typeof value === "string") return value;
    throw this.error(`${parameter} must be a string, got ${typeName(value)}`);
  }

  number(index: number, parameter: string): number {
    const value = this.arg(index);
    if (typeof value === "number") return value;
    throw this.error(`${parameter} must be a number, got ${typeName(value)}`);
  }

  integer(index: number, parameter: string, min: number, max: number): number {
    const value = this.number(index, parameter);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw this.error(`${parameter} must be a whole number from ${min} to ${max}, got ${String(value)}`);
    }
    return value;
  }

  /** A date argument: null, undefined and "" read as null; otherwise yyyy-MM-dd (a datetime's date part counts). */
  optionalDate(index: number, parameter: string): DayNumber | null {
    const text = this.optionalString(index, parameter);
    if (text === null || text === "") return null;
    const day = parseDate(text);
    if (day === null) throw this.error(`${parameter} must be a date written yyyy-MM-dd, got "${text}"`);
    return day;
  }

  today(): DayNumber {
    const day = parseDate(this.context.options.today());
    if (day === null) throw new ExpressionError("runtime", "today() is not a yyyy-MM-dd date: check the clock option");
    return day;
  }
}

export type HelperFunction = (call: HelperCall) => Value;
