import { describe, expect, it } from "vitest";
import { levelProblems } from "../../src/studio/customisation/training-levels";
import { loadConformance } from "../support/conformance-files";

interface Vector { name: string; levels: unknown; problems: { pointer: string; message: string }[] }

describe("trainingLevels checks agree with the server (tests/conformance/training-levels)", () => {
  for (const { file, vectors } of loadConformance<Vector>("training-levels"))
    for (const vector of vectors)
      it(`${file}: ${vector.name}`, () => expect(levelProblems(vector.levels)).toEqual(vector.problems));
});
