import { describe, expect, test } from "vitest";
import {
  contractSchema, formDataText, FormDefinitionError, FormRuntime, isDate, isDateTime, isRegionCode, loadForm,
  SchemaValidator, trimText, type FormDefinition,
} from "../../src/forms";
import { decimalPlaces, moneyText, roundMoney } from "../../src/forms/money";
import { textElements } from "../../src/forms/schema/schema-validator";
import { sampleForms } from "../support/sample-forms";


function form(fields: unknown[]): FormDefinition {
  return loadForm({ id: "f", version: "1", title: { "zh-CN": "表" }, pages: [{ id: "p", sections: [{ id: "s", fields }] }] });
}

describe("money", () => {
  test.each([[12.5, "12.50"], [12, "12.00"], [0, "0.00"], [-0, "0.00"], [0.29, "0.29"], [1e21, "1000000000000000000000.00"], [100.555, "100.555"], [1e300, "1e+300"]])(
    "%s is written %s", (x, text) => expect(moneyText(x)).toBe(text));
  test.each([[0.1 + 0.2, 0.3], [1.005, 1.01], [-2.675, -2.68], [37.5, 37.5]])("a calculated %s rounds to %s", (x, rounded) => expect(roundMoney(x)).toBe(rounded));
  test.each([[1e-10, 10], [1.5e3, 0], [12.34, 2], [100.555, 3]])("%s has %s decimal places", (x, places) => expect(decimalPlaces(x)).toBe(places));
});

describe("formats and lengths as the server counts them", () => {
  test("dates and date-times", () => {
    expect(isDate("2024-02-29")).toBe(true);
    expect(isDate("2026-02-29")).toBe(false);
    expect(isDateTime("2025-01-31T09:00:00+08:00")).toBe(true);
    expect(isDateTime("2025-01-31 09:00:00.5Z")).toBe(true);
    expect(isDateTime("2025-01-31T09:00:00")).toBe(false);
    expect(isDateTime("2025-01-31T24:00:00Z")).toBe(false);
  });
  test("region codes need a real province prefix", () => {
    expect(isRegionCode("440305")).toBe(true);
    expect(isRegionCode("990105")).toBe(false);
  });
  test("string length counts text elements, as JsonSchema.Net does", () => {
    expect(textElements("abc")).toBe(3);
    expect(textElements("中文")).toBe(2);
    expect(textElements("👍🏽")).toBe(1);
    expect(textElements("e\u0301")).toBe(1);
  });
  test("trimming removes what .NET's Trim removes: the ideographic space and U+0085, not U+FEFF", () => {
    expect(trimText("\u3000 张三\u0085\t")).toBe("张三");
    expect(trimText("\ufeffx")).toBe("\ufeffx");
  });
});

describe("schema validator", () => {
  test("refuses a schema keyword it does not implement instead of ignoring it", () => {
    expect(() => new SchemaValidator({ type: "object", properties: { a: { type: "string", oneOf: [] } } })).toThrow(/'oneOf' is not supported/);
  });
  test("reports every failing keyword with its instance path", () => {
    const validator = new SchemaValidator({ type: "object", properties: { tags: { type: "array", items: { type: "string", enum: ["a"] }, uniqueItems: true } } });
    expect(validator.validate({ tags: [1, "a", "a"] })).toEqual([
      { path: "/tags", keyword: "uniqueItems", argument: true },
      { path: "/tags/0", keyword: "type", argument: "string" },
      { path: "/tags/0", keyword: "enum", argument: ["a"] },
    ]);
  });
  test("the contract schema lists only unconditionally required fields and keeps text patterns", () => {
    const schema = contractSchema(form([
      { id: "a", key: "a", type: "text", required: true, pattern: "^A" },
      { id: "b", key: "b", type: "text", required: true, visibleIf: "data.a != null" },
    ]));
    expect(schema.required).toEqual(["a"]);
    expect((schema.properties as Record<string, Record<string, unknown>>).a.pattern).toBe("^A");
  });
});

describe("loading definitions", () => {
  test("a broken definition lists every problem with its JSON Pointer", () => {
    let error: FormDefinitionError | undefined;
    try {
      loadForm({ id: "f", version: "1", title: { "zh-CN": "表" }, pages: [{ id: "p", sections: [{ id: "s", fields: [
        { id: "a", key: "a", type: "text", visibleIf: "for (;;) {}" },
        { id: "a", key: "b", type: "slider" },
        { id: "c", key: "c", type: "number", calculate: "item.x" },
      ] }] }] });
    } catch (e) {
      error = e as FormDefinitionError;
    }
    expect(error).toBeInstanceOf(FormDefinitionError);
    expect(error!.problems.map((p) => p.path)).toEqual([
      "/pages/0/sections/0/fields/0/visibleIf", "/pages/0/sections/0/fields/1/id", "/pages/0/sections/0/fields/1/type", "/pages/0/sections/0/fields/2/calculate",
    ]);
    expect(error!.problems[0].message).toMatch(/loops are not allowed/);
  });
  test("data that is not an object, and non-objects as definitions, are clear errors", () => {
    expect(() => loadForm("{}")).toThrow(FormDefinitionError);
    const runtime = new FormRuntime(form([{ id: "a", key: "a", type: "text" }]));
    expect(runtime.process([1], { locale: "en" }).errors).toEqual([{ path: "", rule: "type", message: "form data must be a JSON object" }]);
  });
  test("a calculation cycle is refused when the runtime is built", () => {
    expect(() => new FormRuntime(form([
      { id: "a", key: "a", type: "number", calculate: "data.b" },
      { id: "b", key: "b", type: "number", calculate: "data.a + 1" },
    ]))).toThrow(/calculate cycle: a → b → a/);
  });
  test("a permission naming no field is a definition mistake, not a user error", () => {
    const runtime = new FormRuntime(form([{ id: "a", key: "a", type: "text" }]));
    expect(() => runtime.process({}, { permissions: { nope: "read" } })).toThrow(/no field with that id or key path/);
  });
});

describe("hostile data keys", () => {
  test("a __proto__ key in data or previous data is dropped like any unknown key and pollutes nothing", () => {
    const runtime = new FormRuntime(form([{ id: "a", key: "a", type: "text" }]));
    const data = JSON.parse('{"__proto__": {"polluted": true}, "a": "x", "constructor": 1}') as Record<string, unknown>;
    const result = runtime.process(data, { previousData: JSON.parse('{"__proto__": {"polluted": true}}') });
    expect(result.valid).toBe(true);
    expect(formDataText(runtime.definition, result.data)).toBe('{"a":"x"}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("the sample forms", () => {
  for (const { name: sample, form: formText, valid: validText, invalid: invalidText } of sampleForms()) {
    const definition = loadForm(JSON.parse(formText));
    const runtime = new FormRuntime(definition, undefined);
    test(`${sample}: valid.json is accepted and invalid.json refused`, () => {
      const valid = runtime.process(JSON.parse(validText));
      expect(valid.errors).toEqual([]);
      const invalid = runtime.process(JSON.parse(invalidText));
      expect(invalid.valid).toBe(false);
      expect(invalid.errors.length).toBeGreaterThan(1);
    });
  }
});

describe("bad input, as the server's FormBadInputTests send it", () => {
  const runtime = new FormRuntime(form([
    { id: "name", key: "name", type: "text", maxLength: 50, pattern: "^(a+)+$" },
    { id: "tags", key: "tags", type: "multiChoice", options: [{ value: "a", label: { "zh-CN": "a" } }] },
    { id: "rows", key: "rows", type: "group", fields: [{ id: "v", key: "v", type: "number" }] },
    { id: "count", key: "count", type: "number", calculate: "len(data.rows)" },
  ]));

  test("a backtracking pattern cannot hang the page", { timeout: 60_000 }, () => {
    expect(runtime.process({ name: "a".repeat(49) + "!" }).errors.map((e) => `${e.path} ${e.rule}`)).toEqual(["/name pattern"]);
  });
  test("a 10 MB string is dropped with a maxLength error", { timeout: 60_000 }, () => {
    const result = runtime.process({ name: "字".repeat(10 * 1024 * 1024) }, { locale: "en" });
    expect(result.errors).toEqual([{ path: "/name", rule: "maxLength", message: "must be at most 100000 characters long" }]);
    expect(result.data.name).toBeUndefined();
  });
  test("an array of 100k rows is dropped with a maxItems error", { timeout: 60_000 }, () => {
    const result = runtime.process({ rows: Array.from({ length: 100_000 }, (_, v) => ({ v })) });
    expect(result.errors).toEqual([{ path: "/rows", rule: "maxItems", message: "最多 1000 项" }]);
    expect(formDataText(runtime.definition, result.data)).toBe('{"count":0}');
  });
  test("deeply nested arrays in a field are dropped without recursion", { timeout: 60_000 }, () => {
    let deep: unknown = [];
    for (let i = 0; i < 50_000; i++) deep = [deep];
    const result = runtime.process({ tags: deep, unknown: [] });
    expect(result.errors.map((e) => `${e.path} ${e.rule}`)).toEqual(["/tags maxDepth"]);
    expect(result.data.tags).toBeUndefined();
  });
  test("processing changes neither the submitted nor the previous data", () => {
    const data = JSON.parse('{"name":"  aa ","rows":[{"v":1,"x":2}],"count":9,"extra":true}');
    const previous = JSON.parse('{"name":"a","rows":[]}');
    const before = JSON.stringify([data, previous]);
    const result = runtime.process(data, { previousData: previous, permissions: { tags: "read" } });
    expect(result.valid).toBe(true);
    expect(formDataText(runtime.definition, result.data)).toBe('{"name":"aa","rows":[{"v":1}],"count":1}');
    expect(JSON.stringify([data, previous])).toBe(before);
  });
  test("a pattern the linear matcher cannot run is a definition error naming the field", () => {
    expect(() => form([{ id: "code", key: "code", type: "text", pattern: "^(a)\\1$" }])).toThrow(/fields\/0\/pattern/);
  });
});
