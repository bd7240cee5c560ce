import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { conformanceRoot } from "./conformance-files";

const repoRoot = join(conformanceRoot, "../..");
const samplesFolder = join(repoRoot, "samples/forms");

/** Forms that ship inside a module template keep only their data files under samples/forms. */
const templateForms: Record<string, string> = {
  "union-join": "module-templates/join/forms/union-join.form.json",
  "legal-consultation": "module-templates/legal-consultation/forms/legal-question.form.json",
};

export interface SampleForm {
  name: string;
  /** The form definition's text. */
  form: string;
  valid: string;
  invalid: string;
}

/** Every sample under samples/forms with its definition (in the sample folder or its module template). */
export function sampleForms(): SampleForm[] {
  return readdirSync(samplesFolder).sort().map((name) => {
    const local = join(samplesFolder, name, "form.json");
    const formPath = existsSync(local) ? local : join(repoRoot, templateForms[name] ?? `missing form for sample ${name}`);
    const read = (path: string) => readFileSync(path, "utf8");
    return {
      name,
      form: read(formPath),
      valid: read(join(samplesFolder, name, "valid.json")),
      invalid: read(join(samplesFolder, name, "invalid.json")),
    };
  });
}
