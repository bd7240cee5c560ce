// Cross-checks the expected values of the conformance vectors against real JavaScript (Node.js), for every vector
// that plain JavaScript can evaluate: no helper call, no expected error other than "syntax", and not marked "sandbox"
// (where the sandbox deliberately departs from plain JavaScript: no constructor or other built-in is reachable).
// Usage: node tests/conformance/expressions/verify-with-node.mjs   (exit 1 on any disagreement)
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const folder = dirname(fileURLToPath(import.meta.url));
const helpers = ["isResidentId", "birthDateFromId", "ageFromId", "sexFromId", "age", "today", "daysBetween", "addDays",
  "workingDaysBetween", "addWorkingDays", "len", "sum", "count", "min", "max", "round", "isEmpty", "coalesce", "matches",
  "isMobile", "isEmail"];
const callsHelper = new RegExp(`(^|[^.\\w$])(${helpers.join("|")})\\s*\\(`);

// JSON as FormFlow returns it: undefined and NaN become null, -0 becomes 0.
const toJson = (value) => JSON.parse(JSON.stringify(value === undefined ? null : value) ?? "null");
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

let checked = 0, skipped = 0, failed = 0;
for (const file of readdirSync(folder).filter((f) => f.endsWith(".json")).sort()) {
  for (const vector of JSON.parse(readFileSync(join(folder, file), "utf8")).vectors) {
    const scope = { data: vector.data ?? {}, ...(vector.scope ?? {}) };
    const names = Object.keys(scope);
    const where = `${file}: ${vector.name}`;
    if (callsHelper.test(vector.expression) || (vector.expectError && vector.expectError !== "syntax") || vector.expression === ""
      || vector.sandbox) {
      skipped++;
      continue;
    }
    checked++;
    let fn;
    try {
      fn = new Function(...names, `"use strict"; return (\n${vector.expression}\n);`);
    } catch (error) {
      if (vector.expectError === "syntax" && error instanceof SyntaxError) continue;
      failed++;
      console.log(`FAIL ${where}: JavaScript reports ${error}`);
      continue;
    }
    if (vector.expectError === "syntax") {
      failed++;
      console.log(`FAIL ${where}: expected a syntax error, JavaScript parses it`);
      continue;
    }
    const actual = toJson(fn(...names.map((n) => scope[n])));
    if (!same(actual, vector.expect)) {
      failed++;
      console.log(`FAIL ${where}: JavaScript gives ${JSON.stringify(actual)}, the vector expects ${JSON.stringify(vector.expect)}`);
    }
  }
}
console.log(`${checked} vectors checked against Node.js ${process.version}, ${skipped} skipped (helpers, non-syntax errors, sandbox), ${failed} failed`);
process.exit(failed ? 1 : 0);
