import { ExpressionEngine } from "../../expressions";
import type { FormDefinition } from "../definition";
import { normalizeLocale } from "../definition";
import { DataSanitizer, defaultLimits, type FormLimits } from "../data-sanitizer";
import { FieldPermissions, protects } from "../field-permissions";
import { formMessage } from "../form-messages";
import type { FieldState, FormError, FormProcessOptions, FormResult } from "../form-result";
import { isRecord, removeOwn, type JsonRecord } from "../json-data";
import type { FormMode } from "../form-result";
import { restorePrevious, visitSlots } from "./field-slots";
import { CompiledForm } from "./compiled-form";
import { FinalChecks } from "./final-checks";
import { RulePass } from "./rule-pass";

/**
 * The browser form runtime: definition + data (+ mode, locale, per-step permissions and the previous data) →
 * normalized data, errors and field states, exactly as the server's FormRuntime decides them (Forms/README.md,
 * "Runtime semantics"). Create one per definition and reuse it; `process` never throws for bad data.
 */
export class FormRuntime {
  private readonly compiled: CompiledForm;

  constructor(readonly definition: FormDefinition, private readonly engine: ExpressionEngine = new ExpressionEngine(), private readonly limits: FormLimits = defaultLimits) {
    this.compiled = new CompiledForm(definition);
  }

  /** Throws only for a permission naming no field (a definition mistake, not the user's). */
  process(data: unknown, options: FormProcessOptions = {}): FormResult {
    const mode: FormMode = options.mode ?? "submit";
    const locale = normalizeLocale(options.locale);
    const permissions = new FieldPermissions(this.definition.id, (name) => this.compiled.find(name), options.permissions);
    if (!isRecord(data)) {
      return { valid: false, errors: [{ path: "", rule: "type", message: formMessage("form", locale) }], data: {}, fields: {} };
    }

    const sanitizer = new DataSanitizer(this.compiled.topFields, this.limits, locale);
    const start = sanitizer.sanitize(data);
    const previous = options.previousData && isRecord(options.previousData)
      ? new DataSanitizer(this.compiled.topFields, this.limits, locale).sanitize(options.previousData) : {};
    this.protectValues(start, previous, permissions);

    const pass = this.settle(start, previous, permissions, locale);

    const protectedPaths = [...pass.states].filter(([, s]) => protects(s.access)).map(([path]) => path);
    const schemaErrors: FormError[] = this.compiled.validator.validate(pass.data)
      .map((e) => ({ path: e.path, rule: e.keyword, message: formMessage(e.keyword === "format" ? `format:${String(e.argument)}` : e.keyword, locale, e.argument) }))
      .filter((e) => counts(e, protectedPaths, mode));
    const checks = new FinalChecks(this.compiled, this.engine, mode, locale, pass.data);
    checks.run(pass.states, schemaErrors);

    // Array.prototype.sort is stable: errors of one field keep the order limits, rules, schema, final checks.
    const errors = [...sanitizer.errors, ...pass.errors, ...schemaErrors, ...checks.errors].sort((a, b) => this.compiled.comparePaths(a.path, b.path));
    const fields: Record<string, FieldState> = {};
    for (const [path, s] of pass.states) fields[path] = { visible: s.visible, required: s.requiredBy !== null, readOnly: s.readOnly };
    return { valid: errors.length === 0, errors, data: pass.orderedData(), fields };
  }

  /**
   * Values the client may not set: calculated fields are cleared (recomputed later), fields the step may only read
   * or not see keep the previous value (or stay absent).
   */
  private protectValues(start: JsonRecord, previous: JsonRecord, permissions: FieldPermissions): void {
    visitSlots(this.compiled.topFields, start, previous, (target, previousObject, field, group) => {
      if (field.calculate !== undefined) return removeOwn(target, field.key!);
      if (!protects(permissions.of(field, group))) return false;
      restorePrevious(target, previousObject, field.key!);
      return true;
    });
  }

  /**
   * Runs rule passes until no field becomes newly hidden or newly read-only. The sets only grow, so this ends after
   * at most one pass per field path plus one. A pass whose new paths would not change the next pass's data (a hidden
   * field with no value, a read-only field already holding its previous value) is final already.
   */
  private settle(start: JsonRecord, previous: JsonRecord, permissions: FieldPermissions, locale: string): RulePass {
    const hidden = new Set<string>();
    const readOnly = new Set<string>();
    for (;;) {
      const pass = new RulePass(this.compiled, permissions, this.engine, locale, start, previous, hidden, readOnly);
      if (!pass.changesData(hidden, readOnly, previous)) return pass;
      pass.newlyHidden.forEach((path) => hidden.add(path));
      pass.newlyReadOnly.forEach((path) => readOnly.add(path));
    }
  }
}

/** Schema errors on fields the step may not change are not the user's to fix; drafts skip minItems. */
function counts(error: FormError, protectedPaths: readonly string[], mode: FormMode): boolean {
  if (mode === "draft" && error.rule === "minItems") return false;
  return !protectedPaths.some((p) => error.path === p || error.path.startsWith(`${p}/`));
}
