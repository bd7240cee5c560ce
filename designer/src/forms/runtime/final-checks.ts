import { isTruthy, type ExpressionEngine } from "../../expressions";
import { localize } from "../definition";
import { protects } from "../field-permissions";
import { formMessage } from "../form-messages";
import type { FormError, FormMode } from "../form-result";
import { isRecord, own, type JsonData, type JsonRecord } from "../json-data";
import type { CompiledForm } from "./compiled-form";
import { isEditable, type FieldStatus } from "./rule-pass";
import { RuleScope } from "./rule-scope";

/**
 * The checks after the rules settled, field by field in document order: required (submit mode only), then pattern,
 * then the field's validate rules. Only visible fields the step may edit are checked; pattern and validate rules run
 * only on a present value without a schema error on or under it.
 */
export class FinalChecks {
  readonly errors: FormError[] = [];
  private readonly rules: RuleScope;

  constructor(private readonly form: CompiledForm, engine: ExpressionEngine, private readonly mode: FormMode, private readonly locale: string, private readonly data: JsonRecord) {
    this.rules = new RuleScope(engine, locale, this.errors);
  }

  run(states: ReadonlyMap<string, FieldStatus>, schemaErrors: readonly FormError[]): void {
    const failedPaths = new Set(schemaErrors.map((e) => e.path));
    for (const [path, state] of states) {
      if (!isEditable(state) || protects(state.access)) continue;
      const { container, row, index } = this.locate(path, state);
      const value = container === undefined ? undefined : own(container, state.field.key!);
      if (!isPresent(value)) {
        if (this.mode === "submit" && state.requiredBy !== null) {
          this.errors.push({ path, rule: state.requiredBy, message: formMessage(state.requiredBy, this.locale) });
        }
        continue;
      }
      if ([...failedPaths].some((p) => p === path || p.startsWith(`${path}/`))) continue;
      const pattern = this.form.patternOf(state.field);
      if (pattern && typeof value === "string" && !pattern.test(value)) {
        this.errors.push({ path, rule: "pattern", message: formMessage("pattern", this.locale) });
        continue;
      }
      for (const validation of state.field.validate ?? []) {
        const before = this.errors.length;
        const result = this.rules.evaluate(validation.expression, this.data, row, index, path, validation.id);
        if (this.errors.length === before && !isTruthy(result)) {
          this.errors.push({ path, rule: validation.id, message: localize(validation.message, this.locale) });
        }
      }
    }
  }

  private locate(path: string, state: FieldStatus): { container: JsonRecord | undefined; row: JsonRecord | undefined; index: number } {
    if (!state.group) return { container: this.data, row: undefined, index: 0 };
    const index = Number(path.split("/")[2]);
    const rows = own(this.data, state.group.key!);
    const row = Array.isArray(rows) && isRecord(rows[index]) ? (rows[index] as JsonRecord) : undefined;
    return { container: row, row, index };
  }
}

function isPresent(value: JsonData | undefined): boolean {
  if (value === undefined || value === null) return false;
  return !Array.isArray(value) || value.length > 0;
}
