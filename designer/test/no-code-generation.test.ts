import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";

/** The runtime must work under a Content-Security-Policy without 'unsafe-eval': no eval, Function or with anywhere. */
const sourceRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

function files(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(path) ? [path] : [];
  });
}

const forbidden: [string, RegExp][] = [
  ["eval(", /\beval\s*\(/],
  ["new Function", /\bnew\s+Function\b/],
  ["Function(", /(?<![.\w'"])Function\s*\(/],
  ["with (...)", /\bwith\s*\(/],
  ["setTimeout with a string", /setTimeout\s*\(\s*["'`]/],
];

test("the source tree has files to check", () => {
  expect(files(sourceRoot).length).toBeGreaterThan(10);
});

/** Source text without comments: a comment may explain why `new Function` is avoided. */
function code(path: string): string {
  return readFileSync(path, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

test.each(forbidden)("no source file uses %s", (_, pattern) => {
  const offenders = files(sourceRoot).filter((path) => pattern.test(code(path)));
  expect(offenders).toEqual([]);
});
