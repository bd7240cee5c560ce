import { expect, test } from "vitest";
import { FormDefinitionError, FormRuntime, loadForm } from "../../src/forms";
import { corrupt, seededRandom } from "../support/corruption";
import { sampleForms } from "../support/sample-forms";

/**
 * Broken definitions (a published file edited by hand, a tampered payload) must end as a clear error — a
 * FormDefinitionError listing problems, or an Error naming the field — never as a crash deep inside the runtime.
 * Each case takes a sample form and replaces one value somewhere in it with junk (seeded, so failures reproduce).
 */
for (const { name: sample, form: formText, valid: validText } of sampleForms()) {
  test(`${sample}: 300 one-value corruptions end as clear errors or a working runtime`, { timeout: 120_000 }, () => {
    const text = formText;
    const data = JSON.parse(validText);
    const next = seededRandom(sample.length * 7919);
    for (let round = 0; round < 300; round++) {
      const definition = corrupt(text, next);
      let loaded;
      try {
        loaded = loadForm(definition);
      } catch (error) {
        expect(error, `round ${round}: ${String(error)}`).toBeInstanceOf(FormDefinitionError);
        expect((error as FormDefinitionError).problems.length).toBeGreaterThan(0);
        continue;
      }
      let runtime: FormRuntime;
      try {
        runtime = new FormRuntime(loaded);
      } catch (error) {
        // Only what the loader leaves to the runtime: a calculation cycle or a pattern it cannot match.
        expect(String(error), `round ${round}`).toMatch(/calculate cycle|pattern/);
        continue;
      }
      const result = runtime.process(data);
      expect(typeof result.valid).toBe("boolean");
    }
  });
}
