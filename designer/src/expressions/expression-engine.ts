import { ExpressionError, type ExpressionProblem } from "./errors";
import { Evaluation } from "./evaluator";
import { isHelper } from "./helper-library";
import { defaultOptions, type ExpressionOptions } from "./options";
import { checkSource, type FreeName, type SubsetCheck } from "./subset-checker";
import { toJson, type JsonValue, type Value } from "./values";

/** Scope names forms (data, item, index) and workflows (variables, input) pass. */
export const defaultScopeNames: ReadonlySet<string> = new Set(["data", "item", "index", "variables", "input"]);

/** Names a scope may not use: they would hide a helper or a value the language relies on. */
const reservedNames: ReadonlySet<string> = new Set([
  "undefined", "NaN", "Infinity", "eval", "Function", "arguments", "globalThis", "window", "global", "self", "getVariable", "setVariable",
]);

const maxCachedSources = 4096;

/**
 * Checks and evaluates FormFlow expressions in the browser, agreeing with the server's ExpressionEngine
 * (engine/FormFlow.Engine/Expressions). Checked sources are cached by their text.
 */
export class ExpressionEngine {
  readonly options: ExpressionOptions;
  private readonly cache = new Map<string, SubsetCheck>();

  constructor(options: Partial<ExpressionOptions> = {}) {
    this.options = { ...defaultOptions, ...options };
  }

  /** Problems of a source against the allowed subset and these scope names; empty means allowed. */
  check(source: string, scopeNames: Iterable<string> = defaultScopeNames): ExpressionProblem[] {
    const checked = this.checked(source);
    if (checked.problems.length > 0) return checked.problems;
    const names = new Set(scopeNames);
    return checked.freeNames.filter((free) => !names.has(free.name)).map(unknownName);
  }

  /**
   * Evaluates one expression with the scope names as its only globals besides the helpers; the result comes back as
   * JSON (undefined as null). Throws ExpressionError and nothing else.
   */
  evaluate(source: string, scope: Readonly<Record<string, unknown>> = {}): JsonValue {
    scope ??= {};
    const checked = this.checked(source);
    if (checked.problems.length > 0) throw ExpressionError.at(checked.errorKind, checked.problems[0]);
    const bound = new Map<string, Value>();
    for (const name of Object.keys(scope)) {
      if (reservedNames.has(name) || isHelper(name)) {
        throw new ExpressionError("disallowed", `the scope name '${name}' is reserved for the expression language`);
      }
      bound.set(name, scope[name]);
    }
    for (const free of checked.freeNames) if (!bound.has(free.name)) throw ExpressionError.at("disallowed", unknownName(free));
    const evaluation = new Evaluation(this.options, bound);
    return toJson(evaluation.evaluate(checked.root!), this.options.maxResultDepth, this.options.maxArrayLength);
  }

  private checked(source: string): SubsetCheck {
    // A missing rule text is reported as an empty source, as on the server.
    if (source === null || source === undefined) source = "";
    if (typeof source !== "string") throw new ExpressionError("syntax", "the source is not a string");
    const cached = this.cache.get(source);
    if (cached) return cached;
    const checked = checkSource(source, this.options);
    // Sources come from definitions, so the set is small; clearing bounds memory if something generates them.
    if (this.cache.size >= maxCachedSources) this.cache.clear();
    this.cache.set(source, checked);
    return checked;
  }
}

function unknownName(free: FreeName): ExpressionProblem {
  return { message: `unknown name '${free.name}': expressions can use only their scope names and the helper functions`, line: free.line, column: free.column };
}

/** JavaScript truthiness of a JSON result: null, false, 0 and "" are false; everything else is true. */
export function isTruthy(value: JsonValue): boolean {
  if (value === null) return false;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return value.length > 0;
  if (typeof value === "number") return value !== 0 && !Number.isNaN(value);
  return true;
}
