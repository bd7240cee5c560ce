import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bench, describe } from "vitest";
import { ExpressionEngine } from "../src/expressions";
import { FormRuntime, loadForm, runtimeSchema, SchemaValidator, type JsonRecord } from "../src/forms";
import { conformanceRoot } from "../test/support/conformance-files";

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

/** The server's benchmark form (tests/FormFlow.Benchmarks/FormValidationBenchmarks.cs): 40 data fields, 10 rules. */
function field(key: string, type: string, extra: Record<string, unknown> = {}) {
  return { id: key, key, type, label: { "zh-CN": key }, ...extra };
}
const fortyFields = [
  field("name", "text", { required: true, maxLength: 50 }),
  field("residentId", "residentId", { required: true, validate: [{ id: "adult", expression: "ageFromId(data.residentId) >= 16", message: { "zh-CN": "未满16岁" } }] }),
  field("age", "number", { calculate: "ageFromId(data.residentId)" }),
  field("mobile", "mobile", { required: true }),
  field("email", "email"),
  field("region", "region", { required: true }),
  field("employmentType", "choice", { required: true, options: [{ value: "fullTime", label: { "zh-CN": "全日制" } }, { value: "platform", label: { "zh-CN": "平台" } }] }),
  field("platformName", "text", { visibleIf: "data.employmentType === 'platform'", requiredIf: "data.employmentType === 'platform'" }),
  field("agency", "text", { visibleIf: "data.employmentType === 'dispatched'" }),
  field("income", "money", { min: 0 }),
  field("dues", "money", { calculate: "data.income == null ? null : data.income * 0.005" }),
  field("startDate", "date", { required: true }),
  field("endDate", "date", { visibleIf: "data.startDate != null", validate: [{ id: "order", expression: "data.endDate >= data.startDate", message: { "zh-CN": "日期顺序错误" } }] }),
  field("consent", "boolean", { required: true, validate: [{ id: "agreed", expression: "data.consent === true", message: { "zh-CN": "须同意" } }] }),
  field("note", "textarea", { requiredIf: "data.income > 100000" }),
];
const fortyData: Record<string, unknown> = {
  name: "张三", residentId: "11010519491231002X", mobile: "13800138000", email: "zs@example.com", region: "110105",
  employmentType: "platform", platformName: "某外卖", income: 6800.5, startDate: "2020-01-01", endDate: "2025-01-01", consent: true, note: "无",
};
for (let i = fortyFields.length; i < 40; i++) {
  const type = ["text", "number", "boolean", "date"][i % 4];
  fortyFields.push(field(`extra${i}`, type));
  fortyData[`extra${i}`] = { text: "文本", number: i, boolean: true, date: "2025-06-01" }[type];
}
const fortyForm = loadForm({ id: "bench", version: "1", title: { "zh-CN": "基准" }, pages: [{ id: "p1", sections: [{ id: "s1", fields: fortyFields }] }] });
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
