import { ExpressionError, isTruthy, type ExpressionEngine, type JsonValue } from "../../expressions";
import { formMessage } from "../form-messages";
import type { FormError } from "../form-result";
import type { JsonRecord } from "../json-data";

/**
 * Evaluates one rule with the variables rules see: `data` (the whole form data), and inside a repeating group `item`
 * (the current row) and `index` (its position, from 0). A rule that fails is recorded as an error for its field and
 * counts as false (or, for calculate, as no value).
 */
export class RuleScope {
  constructor(private readonly engine: ExpressionEngine, private readonly locale: string, private readonly errors: FormError[]) {}

  evaluate(source: string, data: JsonRecord, row: JsonRecord | undefined, index: number, path: string, rule: string): JsonValue {
    const scope: Record<string, unknown> = row === undefined ? { data } : { data, item: row, index };
    try {
      return this.engine.evaluate(source, scope);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      this.errors.push({ path, rule, message: formMessage("rule", this.locale, error.message) });
      return null;
    }
  }

  test(source: string | undefined, data: JsonRecord, row: JsonRecord | undefined, index: number, path: string, rule: string): boolean {
    return source !== undefined && isTruthy(this.evaluate(source, data, row, index, path, rule));
  }
}
