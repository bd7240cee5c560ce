import { expect, test } from "vitest";
import { ExpressionEngine } from "../../src/expressions";
import { formDataText, FormRuntime, loadForm } from "../../src/forms";
import { corrupt, seededRandom } from "../support/corruption";
import { sampleForms } from "../support/sample-forms";

/**
 * Broken submissions never make the runtime throw: each one-value corruption of a sample's valid data comes back
 * as a result whose errors name a data path and a rule with a message, and whose data is valid JSON again.
 */

for (const { name: sample, form: formText, valid: validText } of sampleForms()) {
  test(`${sample}: 500 corrupted submissions come back as results with clear errors`, { timeout: 120_000 }, () => {
    const form = loadForm(JSON.parse(formText));
    const runtime = new FormRuntime(form, new ExpressionEngine({ today: () => "2026-11-26" }));
    const text = validText;
    const next = seededRandom(sample.length * 104729);
    let refused = 0;
    for (let round = 0; round < 500; round++) {
      const result = runtime.process(corrupt(text, next), { mode: next() < 0.5 ? "draft" : "submit", locale: "en" });
      for (const error of result.errors) {
        expect(error.path, `round ${round}`).toMatch(/^(\/[^/]+)*$/);
        expect(error.rule.length).toBeGreaterThan(0);
        expect(error.message.length, `round ${round}: ${JSON.stringify(error)}`).toBeGreaterThan(0);
      }
      expect(result.valid).toBe(result.errors.length === 0);
      JSON.parse(formDataText(form, result.data));
      if (!result.valid) refused++;
    }
    expect(refused).toBeGreaterThan(50);
  });
}
