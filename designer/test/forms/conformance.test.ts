import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ExpressionEngine } from "../../src/expressions";
import { formDataText, FormRuntime, loadForm, type FieldAccess, type FormMode, type JsonRecord } from "../../src/forms";
import { conformanceRoot, loadConformance } from "../support/conformance-files";
import { parseRawJson, writeRawJson, type RawJson } from "../support/raw-json";

interface FormVector {
  name: string;
  data: unknown;
  mode?: FormMode;
  locale?: string;
  permissions?: Record<string, FieldAccess>;
  previousData?: JsonRecord;
  today?: string;
  expect: {
    valid: boolean;
    errors?: { path: string; rule: string; message?: string }[];
    data?: unknown;
    fields?: Record<string, Partial<Record<"visible" | "required" | "readOnly", boolean>>>;
  };
}

interface FormSuite {
  form: unknown;
  today?: string;
  vectors: FormVector[];
}

const files = loadConformance<FormVector>("forms");

test("the corpus has at least 80 vectors", () => {
  expect(files.reduce((total, file) => total + file.vectors.length, 0)).toBeGreaterThanOrEqual(80);
});

for (const { file } of files) {
  const text = readFileSync(join(conformanceRoot, "forms", file), "utf8");
  const suite = JSON.parse(text) as FormSuite;
  const raw = parseRawJson(text) as { vectors: { expect: { data?: RawJson } }[] };
  const form = loadForm(suite.form);
  const runtimes = new Map<string, FormRuntime>();
  const runtimeFor = (today: string) => {
    if (!runtimes.has(today)) runtimes.set(today, new FormRuntime(form, new ExpressionEngine({ today: () => today })));
    return runtimes.get(today)!;
  };

  describe(file, () => {
    suite.vectors.forEach((vector, index) => {
      test(`#${index} ${vector.name}`, () => {
        const runtime = runtimeFor(vector.today ?? suite.today ?? "2026-11-26");
        const result = runtime.process(structuredClone(vector.data), {
          mode: vector.mode ?? "submit",
          locale: vector.locale ?? "zh-CN",
          permissions: vector.permissions,
          previousData: structuredClone(vector.previousData),
        });
        const context = `errors were ${JSON.stringify(result.errors)}`;
        expect(result.valid, context).toBe(vector.expect.valid);
        if (vector.expect.errors) {
          const expected = vector.expect.errors.map((e) => `${e.path} ${e.rule}`).sort();
          expect(result.errors.map((e) => `${e.path} ${e.rule}`).sort(), context).toEqual(expected);
          for (const e of vector.expect.errors.filter((e) => e.message !== undefined)) {
            expect(result.errors, context).toContainEqual({ path: e.path, rule: e.rule, message: e.message });
          }
        }
        const expectedData = raw.vectors[index].expect.data;
        if (expectedData !== undefined) expect(formDataText(form, result.data)).toBe(writeRawJson(expectedData));
        for (const [path, state] of Object.entries(vector.expect.fields ?? {})) {
          expect(result.fields, `no state for ${path}`).toHaveProperty([path]);
          for (const [property, value] of Object.entries(state)) {
            expect(result.fields[path][property as "visible"], `${path}.${property}`).toBe(value);
          }
        }
      });
    });
  });
}
