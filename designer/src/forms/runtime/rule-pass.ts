import type { ExpressionEngine } from "../../expressions";
import type { FieldDefinition } from "../definition";
import { dataChildren } from "../field-places";
import { isGroup } from "../field-types";
import type { FieldAccess, FormError } from "../form-result";
import { protects, type FieldPermissions } from "../field-permissions";
import { deepClone, isRecord, jsonEquals, own, removeOwn, setOwn, type JsonData, type JsonRecord } from "../json-data";
import { restorePrevious, visitSlots } from "./field-slots";
import { roundMoney } from "../money";
import type { CompiledForm } from "./compiled-form";
import { RuleScope } from "./rule-scope";

/** A field's state in one pass, with why it is required ("required", "requiredIf" or null). */
export interface FieldStatus {
  field: FieldDefinition;
  group: FieldDefinition | undefined;
  access: FieldAccess;
  visible: boolean;
  readOnly: boolean;
  requiredBy: "required" | "requiredIf" | null;
}

export const isEditable = (status: FieldStatus) => status.visible && !status.readOnly;

/**
 * One pass over the rules (Forms/README.md, runtime semantics step 5): start from the protected data without the
 * fields hidden so far and with rule-read-only fields reset, compute every calculated field in dependency order, then
 * evaluate visibleIf, readOnlyIf and requiredIf top-down (page, section, field, group rows).
 */
export class RulePass {
  readonly data: JsonRecord;
  readonly errors: FormError[] = [];
  readonly states = new Map<string, FieldStatus>();
  readonly newlyHidden = new Set<string>();
  readonly newlyReadOnly = new Set<string>();
  private readonly rules: RuleScope;

  constructor(
    private readonly form: CompiledForm,
    private readonly permissions: FieldPermissions,
    engine: ExpressionEngine,
    locale: string,
    start: JsonRecord,
    previous: JsonRecord,
    private readonly hidden: ReadonlySet<string>,
    private readonly readOnly: ReadonlySet<string>,
  ) {
    this.rules = new RuleScope(engine, locale, this.errors);
    this.data = deepClone(start);
    this.applyEarlierPasses(previous);
    this.calculate();
    this.evaluateStates();
  }

  private applyEarlierPasses(previous: JsonRecord): void {
    visitSlots(this.form.topFields, this.data, previous, (target, previousObject, field, _group, path) => {
      // A field hidden in an earlier pass is removed; a rule-read-only field gets its previous value back.
      if (this.hidden.has(path)) return removeOwn(target, field.key!);
      if (!this.readOnly.has(path)) return false;
      restorePrevious(target, previousObject, field.key!);
      return true;
    });
  }

  private calculate(): void {
    for (const place of this.form.calculations) {
      const field = place.field;
      if (!place.group) {
        const path = `/${field.key}`;
        if (!this.hidden.has(path)) assign(this.data, field, this.rules.evaluate(field.calculate!, this.data, undefined, 0, path, "calculate"));
        continue;
      }
      const rows = own(this.data, place.group.key!);
      if (!Array.isArray(rows)) continue;
      rows.forEach((row, i) => {
        const path = `/${place.group!.key}/${i}/${field.key}`;
        if (isRecord(row) && !this.hidden.has(path)) assign(row, field, this.rules.evaluate(field.calculate!, this.data, row, i, path, "calculate"));
      });
    }
  }

  /** Whether a pass with the new paths added would start from different data than this one did. */
  changesData(hidden: ReadonlySet<string>, readOnly: ReadonlySet<string>, previous: JsonRecord): boolean {
    for (const path of this.newlyHidden) if (!hidden.has(path) && valueAt(this.data, path) !== undefined) return true;
    for (const path of this.newlyReadOnly) {
      if (!readOnly.has(path) && !jsonEquals(valueAt(this.data, path), valueAt(previous, path))) return true;
    }
    return false;
  }

  /** The data with keys in document order (calculated values are assigned last, so they move back into place). */
  orderedData(): JsonRecord {
    const result: JsonRecord = {};
    for (const field of this.form.topFields) {
      const value = own(this.data, field.key!);
      if (value === undefined || value === null) continue;
      setOwn(result, field.key!, isGroup(field) && Array.isArray(value)
        ? value.map((row) => (isRecord(row) ? ordered(row, dataChildren(field)) : row))
        : value);
    }
    return result;
  }

  private evaluateStates(): void {
    for (const page of this.form.form.pages) {
      const pageVisible = page.visibleIf === undefined || this.rules.test(page.visibleIf, this.data, undefined, 0, "", "visibleIf");
      for (const section of page.sections) {
        const sectionVisible = pageVisible && (section.visibleIf === undefined || this.rules.test(section.visibleIf, this.data, undefined, 0, "", "visibleIf"));
        for (const field of section.fields) {
          if (field.type === "content") continue;
          const path = `/${field.key}`;
          const state = this.state(field, undefined, sectionVisible, undefined, 0, path);
          const rows = own(this.data, field.key!);
          if (!state.visible || !isGroup(field) || !Array.isArray(rows)) continue;
          rows.forEach((row, i) => {
            if (!isRecord(row)) return;
            for (const child of dataChildren(field)) this.state(child, field, true, row, i, `${path}/${i}/${child.key}`);
          });
        }
      }
    }
  }

  private state(field: FieldDefinition, group: FieldDefinition | undefined, containerVisible: boolean, row: JsonRecord | undefined, index: number, path: string): FieldStatus {
    const access = this.permissions.of(field, group);
    // A field the step must or may fill is shown to that step even where its page or section waits for that very value.
    const ruleVisible = (containerVisible || this.permissions.assigns(field)) && (field.visibleIf === undefined || this.rules.test(field.visibleIf, this.data, row, index, path, "visibleIf"));
    if (!ruleVisible) this.newlyHidden.add(path);
    const visible = ruleVisible && !this.hidden.has(path) && access !== "hidden";

    const readOnlyByRule = visible && field.calculate === undefined && !protects(access)
      && this.rules.test(field.readOnlyIf, this.data, row, index, path, "readOnlyIf");
    if (readOnlyByRule) this.newlyReadOnly.add(path);
    const readOnly = readOnlyByRule || this.readOnly.has(path) || field.calculate !== undefined || protects(access);

    let requiredBy: FieldStatus["requiredBy"] = null;
    if (visible && !readOnly) {
      requiredBy = access === "required" || field.required === true ? "required"
        : this.rules.test(field.requiredIf, this.data, row, index, path, "requiredIf") ? "requiredIf" : null;
    }
    const status: FieldStatus = { field, group, access, visible, readOnly, requiredBy };
    this.states.set(path, status);
    return status;
  }
}

/** A calculated value replaces whatever was there; null means absent; money is rounded half away from zero to 2 decimals. */
function assign(target: JsonRecord, field: FieldDefinition, value: JsonData): void {
  removeOwn(target, field.key!);
  if (value === null) return;
  setOwn(target, field.key!, field.type === "money" && typeof value === "number" ? roundMoney(value) : value);
}

function ordered(row: JsonRecord, fields: readonly FieldDefinition[]): JsonRecord {
  const result: JsonRecord = {};
  for (const field of fields) {
    const value = own(row, field.key!);
    if (value !== undefined && value !== null) setOwn(result, field.key!, value);
  }
  return result;
}

/** The value at a data path ("/group/0/key"), or undefined; null values count as absent. */
function valueAt(data: JsonRecord, path: string): JsonData | undefined {
  let node: JsonData | undefined = data;
  for (const segment of path.split("/").filter((part) => part.length > 0)) {
    if (isRecord(node)) node = own(node, segment);
    else if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else return undefined;
  }
  return node === null ? undefined : node;
}
