// Prints each benchmark's median and its ratio to the first benchmark of its group (the baseline), from the JSON
// that `vitest bench --outputJson` writes. Vitest's own table shows means and percentiles, not medians.
import { readFileSync } from "node:fs";

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (const file of report.files) {
  for (const group of file.groups) {
    console.log(group.fullName);
    const [baseline] = group.benchmarks;
    for (const benchmark of group.benchmarks) {
      const ratio = benchmark === baseline ? "baseline" : `${(benchmark.median / baseline.median).toFixed(1)}× the baseline`;
      console.log(`  ${benchmark.name}: median ${(benchmark.median * 1000).toFixed(2)} µs over ${benchmark.sampleCount} runs (${ratio})`);
    }
  }
}
