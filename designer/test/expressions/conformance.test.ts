import { describe, expect, test } from "vitest";
import { ExpressionEngine, ExpressionError } from "../../src/expressions";
import { loadConformance } from "../support/conformance-files";

interface ExpressionVector {
  name: string;
  expression: string;
  data?: unknown;
  scope?: Record<string, unknown>;
  today?: string;
  expect?: unknown;
  expectError?: string;
}

const files = loadConformance<ExpressionVector>("expressions");
const engines = new Map<string, ExpressionEngine>();

function engineFor(today: string | undefined): ExpressionEngine {
  const key = today ?? "";
  let engine = engines.get(key);
  if (!engine) {
    engine = today ? new ExpressionEngine({ today: () => today }) : new ExpressionEngine();
    engines.set(key, engine);
  }
  return engine;
}

test("the corpus is there: several topic files and at least 130 vectors", () => {
  expect(files.length).toBeGreaterThanOrEqual(5);
  expect(files.reduce((total, file) => total + file.vectors.length, 0)).toBeGreaterThanOrEqual(130);
});

for (const { file, vectors } of files) {
  describe(file, () => {
    for (const vector of vectors) {
      test(vector.name, () => {
        const scope = { data: structuredClone(vector.data ?? {}), ...structuredClone(vector.scope ?? {}) };
        const engine = engineFor(vector.today);
        if (vector.expectError !== undefined) {
          let thrown: unknown;
          try {
            engine.evaluate(vector.expression, scope);
          } catch (error) {
            thrown = error;
          }
          expect(thrown, "expected an ExpressionError").toBeInstanceOf(ExpressionError);
          const error = thrown as ExpressionError;
          expect(error.kind, error.message).toBe(vector.expectError);
          expect(error.message.trim()).not.toBe("");
          return;
        }
        expect(vector).toHaveProperty("expect");
        expect(engine.evaluate(vector.expression, scope)).toEqual(vector.expect);
      });
    }
  });
}
