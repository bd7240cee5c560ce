import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The shared corpus in tests/conformance, read from the repository at test time (the same files the C# suite runs). */
export const conformanceRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../tests/conformance");

export interface ConformanceFile<T> {
  file: string;
  vectors: T[];
}

export function loadConformance<T>(area: string): ConformanceFile<T>[] {
  const folder = join(conformanceRoot, area);
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((file) => ({ file, vectors: (JSON.parse(readFileSync(join(folder, file), "utf8")) as { vectors: T[] }).vectors }));
}
