import type { FieldDefinition, FormDefinition } from "../definition";
import { allPlaces, topDataFields, type FieldPlace } from "../field-places";
import { calculationOrder } from "../rules/calculation-order";
import { runtimeSchema } from "../schema/form-schema-compiler";
import { SchemaValidator } from "../schema/schema-validator";
import { LinearPattern } from "../../patterns/linear-pattern";

/** Everything the runtime derives once per definition: field lookups, calculation order, schema and patterns. */
export class CompiledForm {
  readonly topFields: FieldDefinition[];
  readonly calculations: FieldPlace[];
  readonly validator: SchemaValidator;
  private readonly patterns = new Map<FieldDefinition, LinearPattern>();
  private readonly byIdOrKeyPath = new Map<string, FieldPlace>();
  private readonly topOrder = new Map<string, number>();

  constructor(readonly form: FormDefinition) {
    this.topFields = topDataFields(form);
    this.topFields.forEach((field, i) => this.topOrder.set(field.key!, i));
    const places = allPlaces(form);
    const { order, cycle } = calculationOrder(places);
    if (cycle) throw new Error(`form '${form.id}': calculate cycle: ${cycle.join(" → ")}`);
    this.calculations = order;
    this.validator = new SchemaValidator(runtimeSchema(form));
    for (const place of places) {
      const field = place.field;
      if (field.pattern !== undefined) this.patterns.set(field, compilePattern(field));
      this.byIdOrKeyPath.set(field.id, place);
    }
    // An element id wins over a key path spelled the same way.
    for (const place of places.filter((p) => p.field.key !== undefined)) {
      const keyPath = place.group ? `${place.group.key}/${place.field.key}` : place.field.key!;
      if (!this.byIdOrKeyPath.has(keyPath)) this.byIdOrKeyPath.set(keyPath, place);
    }
  }

  patternOf(field: FieldDefinition): LinearPattern | undefined {
    return this.patterns.get(field);
  }

  find(idOrKeyPath: string): FieldPlace | undefined {
    return this.byIdOrKeyPath.get(idOrKeyPath);
  }

  /** Sort key of a data path in document order: (top-level field, row, field within the row). */
  orderOf(path: string): [number, number, number] {
    const segments = path.split("/").filter((s) => s.length > 0);
    const top = segments.length > 0 ? this.topOrder.get(segments[0]) : undefined;
    if (top === undefined) return [-1, -1, -1];
    const row = segments.length > 1 && /^-?\d+$/.test(segments[1]) ? Number(segments[1]) : -1;
    const children = this.topFields[top].fields;
    const child = segments.length > 2 && children ? children.findIndex((c) => c.key === segments[2]) : -1;
    return [top, row, child];
  }

  /** Compares two error paths in document order. */
  comparePaths(a: string, b: string): number {
    const x = this.orderOf(a);
    const y = this.orderOf(b);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  }
}

/** Field patterns match in linear time, as on the server, so no input can make a pattern hang the page. */
function compilePattern(field: FieldDefinition): LinearPattern {
  try {
    return new LinearPattern(field.pattern!);
  } catch (error) {
    throw new Error(`field '${field.id}': pattern ${JSON.stringify(field.pattern)}: ${(error as Error).message}`);
  }
}
