import { ExpressionEngine } from "../expressions";
import { LinearPattern } from "../patterns/linear-pattern";
import type { FormDefinition } from "./definition";
import { fieldTypes } from "./field-types";
import { isRecord, type JsonRecord } from "./json-data";

/** One problem of a definition: the JSON Pointer in the definition and what is wrong there. */
export interface DefinitionProblem {
  path: string;
  message: string;
}

export class FormDefinitionError extends Error {
  constructor(readonly problems: DefinitionProblem[]) {
    super(`the form definition has ${problems.length} problem(s): ${problems.map((p) => `${p.path || "/"}: ${p.message}`).join("; ")}`);
    this.name = "FormDefinitionError";
  }
}

const idPattern = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const identifierPattern = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ruleNames = ["visibleIf", "requiredIf", "readOnlyIf", "calculate"] as const;
const numberProperties = ["min", "max", "minLength", "maxLength", "minItems", "maxItems", "maxSize", "scale", "points"] as const;

/**
 * Checks the shape of a published form definition before the browser runtime uses it: every element the runtime
 * reads has the right type, ids are unique, data keys are identifiers and unique among siblings, and every rule is
 * inside the expression subset with the names its place allows. Publishing on the server runs the full checks
 * (FormDefinitionLoader); this makes a broken or tampered definition a clear error here instead of a crash.
 */
export function loadForm(json: unknown, engine: ExpressionEngine = new ExpressionEngine()): FormDefinition {
  const problems: DefinitionProblem[] = [];
  const report = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  const ids = new Set<string>();
  const claimId = (id: unknown, path: string) => {
    if (typeof id !== "string" || !idPattern.test(id)) report(`${path}/id`, "an id must start with a letter and hold at most 64 letters, digits, '_' or '-'");
    else if (ids.has(id)) report(`${path}/id`, `the id '${id}' is used twice`);
    else ids.add(id);
  };
  const rule = (source: unknown, path: string, scope: string[]) => {
    if (source === undefined) return;
    if (typeof source !== "string") return report(path, "a rule must be a string");
    const [problem] = engine.check(source, scope);
    if (problem) report(path, `${problem.message} (line ${problem.line}, column ${problem.column})`);
  };
  const array = (value: unknown, path: string): unknown[] => {
    if (Array.isArray(value)) return value;
    report(path, "must be an array");
    return [];
  };
  const text = (value: unknown, path: string, required: boolean) => {
    if (value === undefined && !required) return;
    if (!isRecord(value) || typeof value["zh-CN"] !== "string") report(path, "must be localized text with at least \"zh-CN\"");
  };

  const field = (f: unknown, path: string, keys: Set<string>, inGroup: boolean): void => {
    if (!isRecord(f)) return report(path, "a field must be an object");
    claimId(f.id, path);
    if (typeof f.type !== "string" || !(fieldTypes as readonly string[]).includes(f.type)) return report(`${path}/type`, `unknown field type ${JSON.stringify(f.type)}`);
    if (f.type === "content") {
      if (f.key !== undefined) report(`${path}/key`, "display-only content holds no data and has no key");
    } else if (typeof f.key !== "string" || !identifierPattern.test(f.key)) report(`${path}/key`, "a data key must be a JavaScript identifier");
    else if (keys.has(f.key)) report(`${path}/key`, `the key '${f.key}' is used twice`);
    else keys.add(f.key);
    text(f.label, `${path}/label`, false);
    for (const name of numberProperties) if (f[name] !== undefined && typeof f[name] !== "number") report(`${path}/${name}`, "must be a number");
    for (const name of ["required", "multiple"]) if (f[name] !== undefined && typeof f[name] !== "boolean") report(`${path}/${name}`, "must be true or false");
    if (f.accept !== undefined && !(Array.isArray(f.accept) && f.accept.every((a) => typeof a === "string"))) report(`${path}/accept`, "must be a list of content types");
    if (f.pattern !== undefined) {
      try {
        new LinearPattern(f.pattern as string);
      } catch (error) {
        report(`${path}/pattern`, `the pattern cannot be matched in linear time: ${(error as Error).message}`);
      }
    }
    if (f.options !== undefined) array(f.options, `${path}/options`).forEach((o, i) => {
      if (!isRecord(o) || typeof o.value !== "string") report(`${path}/options/${i}`, "an option needs a string value");
    });
    const scope = inGroup ? ["data", "item", "index"] : ["data"];
    for (const name of ruleNames) rule(f[name], `${path}/${name}`, scope);
    if (f.validate !== undefined) array(f.validate, `${path}/validate`).forEach((v, i) => {
      const at = `${path}/validate/${i}`;
      if (!isRecord(v)) return report(at, "a validate rule must be an object");
      claimId(v.id, at);
      rule(v.expression ?? 0, `${at}/expression`, scope);
      text(v.message, `${at}/message`, true);
    });
    if (f.type === "group") {
      if (inGroup) report(path, "a group cannot sit inside a group");
      const childKeys = new Set<string>();
      array(f.fields, `${path}/fields`).forEach((child, i) => field(child, `${path}/fields/${i}`, childKeys, true));
    } else if (f.fields !== undefined) report(`${path}/fields`, "only groups have fields");
  };

  if (!isRecord(json)) throw new FormDefinitionError([{ path: "", message: "a form definition must be a JSON object" }]);
  const form = json as JsonRecord;
  claimId(form.id, "");
  if (typeof form.version !== "string") report("/version", "the version must be a string");
  text(form.title, "/title", true);
  const topKeys = new Set<string>();
  const pages = array(form.pages, "/pages");
  if (pages.length === 0 && Array.isArray(form.pages)) report("/pages", "a form needs at least one page");
  pages.forEach((page, p) => {
    const pagePath = `/pages/${p}`;
    if (!isRecord(page)) return report(pagePath, "a page must be an object");
    claimId(page.id, pagePath);
    rule(page.visibleIf, `${pagePath}/visibleIf`, ["data"]);
    array(page.sections, `${pagePath}/sections`).forEach((section, s) => {
      const sectionPath = `${pagePath}/sections/${s}`;
      if (!isRecord(section)) return report(sectionPath, "a section must be an object");
      claimId(section.id, sectionPath);
      rule(section.visibleIf, `${sectionPath}/visibleIf`, ["data"]);
      array(section.fields, `${sectionPath}/fields`).forEach((f, i) => field(f, `${sectionPath}/fields/${i}`, topKeys, false));
    });
  });
  if (problems.length > 0) throw new FormDefinitionError(problems);
  return form as unknown as FormDefinition;
}

