import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bench, describe } from "vitest";
import { ExpressionEngine } from "../src/expressions";
import { FormRuntime, loadForm, runtimeSchema, SchemaValidator, type JsonRecord } from "../src/forms";
import { conformanceRoot } from "../test/support/conformance-files";
import { fortyData, fortyForm } from "./forty-field-form";

/**
 * How long the browser runtime takes for what a keystroke triggers: one rule, and a whole form pass. The baselines
 * are what the same work costs without the runtime (a hand-written comparison; copying the data through JSON).
 * Run with `npm run bench`; not part of `npm test`.
 */
const sample = join(conformanceRoot, "../../samples/forms/union-join");
const definition = loadForm(JSON.parse(readFileSync(join(sample, "form.json"), "utf8")));
const data = JSON.parse(readFileSync(join(sample, "valid.json"), "utf8")) as Record<string, unknown>;
const runtime = new FormRuntime(definition, new ExpressionEngine({ today: () => "2026-11-26" }));
const engine = new ExpressionEngine({ today: () => "2026-11-26" });
const rule = "isResidentId(data.residentId) && ageFromId(data.residentId) >= 16 && data.employmentType !== 'retired'";

describe("one rule", () => {
  bench("baseline: the same check written by hand", () => {
    void (typeof data.residentId === "string" && data.residentId.length === 18 && data.employmentType !== "retired");
  });
  bench("engine.evaluate (checked source cached)", () => {
    engine.evaluate(rule, { data });
  });
});

const fortyRuntime = new FormRuntime(fortyForm, new ExpressionEngine({ today: () => "2026-11-26" }));
const fortySchema = new SchemaValidator(runtimeSchema(fortyForm));
if (!fortyRuntime.process(fortyData).valid || fortySchema.validate(fortyData as JsonRecord).length > 0) throw new Error("the benchmark data must be valid");

describe("40-field form (the server's benchmark form), valid data, submit", () => {
  bench("baseline: JSON Schema validation alone", () => {
    fortySchema.validate(fortyData as JsonRecord);
  });
  bench("runtime.process (10 rules)", () => {
    fortyRuntime.process(fortyData);
  });
});

describe("whole form", () => {
  bench("baseline: copy the data through JSON", () => {
    JSON.parse(JSON.stringify(data));
  });
  bench("runtime.process, union-join sample, submit", () => {
    runtime.process(data);
  });
});
