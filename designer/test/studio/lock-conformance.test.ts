import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import type { Lock, ModuleDocument } from "../../src/studio/api/types";
import { indexElements } from "../../src/studio/customisation/element-index";
import { addRefusal, hideRefusal, moveRefusal, setRefusal, type Refusal } from "../../src/studio/customisation/lock-check";
import { conformanceRoot, loadConformance } from "../support/conformance-files";

/** The lock vectors the engine's LockBook runs too (tests/conformance/README.md, "Locks"). */
interface LockVector {
  name: string;
  check: "set" | "hide" | "add" | "move";
  org?: string;
  element?: string;
  parent?: string;
  path?: string;
  value?: unknown;
  refusedBy: string | null;
}

const files = loadConformance<LockVector>("locks");

test("the corpus has at least 40 vectors", () => {
  expect(files.reduce((total, file) => total + file.vectors.length, 0)).toBeGreaterThanOrEqual(40);
});

for (const { file } of files) {
  const suite = JSON.parse(readFileSync(join(conformanceRoot, "locks", file), "utf8")) as { module: ModuleDocument; locks: Lock[]; vectors: LockVector[] };
  const module: ModuleDocument = { ...suite.module, locks: suite.locks };
  const index = indexElements(module);

  describe(file, () => {
    suite.vectors.forEach((vector, i) => {
      test(`#${i} ${vector.name}`, () => {
        const org = vector.org ?? "district";
        const refusal: Refusal | undefined = {
          set: () => setRefusal(module, index, org, vector.element!, vector.path!, vector.value),
          hide: () => hideRefusal(module, index, org, vector.element!),
          add: () => addRefusal(module, index, org, vector.parent!),
          move: () => moveRefusal(module, index, org, vector.element!, vector.parent!),
        }[vector.check]();
        expect(refusal?.lockedBy?.id ?? null, refusal?.reason ?? "allowed").toBe(vector.refusedBy);
      });
    });
  });
}
