#!/usr/bin/env node
// The Portal runs on phones over slow networks. Its sign-in page must be usable within 1.5 s on Fast 3G (issue 19), so
// what dist/index.html loads before any user action (the entry script and the modules it preloads; every page after
// sign-in is a lazy chunk) may be at most 100 KB of Brotli-compressed JavaScript. The build fails when it is over, so
// a heavy import into the entry is caught where it is made. bench/phone-network.bench.ts measures it in a browser.
import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "../dist");
const budgets = [{ page: "index.html", name: "Portal", kb: Number(process.env.FORMFLOW_PORTAL_BUDGET_KB ?? 100) }];

/** The scripts a built page loads at once: its module entry and modulepreload links. */
export function pageScripts(html) {
  return [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]);
}

let failed = false;
for (const { page, name, kb } of budgets) {
  const scripts = pageScripts(readFileSync(join(dist, page), "utf8"));
  const bytes = scripts.reduce((total, src) => total + statSync(join(dist, `${src}.br`)).size, 0);
  const used = (bytes / 1024).toFixed(1);
  console.log(`${name}: ${used} KB of Brotli-compressed JavaScript in ${scripts.length} files (budget ${kb} KB)`);
  if (bytes > kb * 1024) {
    console.error(`${name} is over its budget of ${kb} KB: ${scripts.join(", ")}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
