import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { test } from "@playwright/test";

/**
 * Portal performance on this machine (issue 7's targets: ≤ 300 KB compressed JavaScript for the service hall, a
 * 40-field form rendered within 200 ms, a keystroke's rule re-evaluation within 16 ms). Prints figures; asserts
 * nothing about time (the machine is shared).
 */
const runs = 15;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

test("service hall JavaScript, 40-field form render, keystroke re-evaluation", async ({ browser }) => {
  const base = process.env.FORMFLOW_E2E_URL!;

  // 1. The JavaScript the service hall loads, as transferred, and as the dist's Brotli copies would be.
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Map<string, { encoding: string; bytes: number }>();
  page.on("response", async response => {
    if (!response.url().endsWith(".js")) return;
    const sizes = await response.request().sizes();
    scripts.set(new URL(response.url()).pathname, { encoding: response.headers()["content-encoding"] ?? "identity", bytes: sizes.responseBodySize });
  });
  await page.goto(`${base}/`);
  await page.getByLabel("账号").fill("worker");
  await page.getByLabel("密码").fill("demo");
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByRole("heading", { name: "服务大厅" }).waitFor();
  await page.waitForLoadState("networkidle");
  const dist = resolve(import.meta.dirname, "../dist");
  let transferred = 0;
  let brotli = 0;
  for (const [path, { encoding, bytes }] of scripts) {
    transferred += bytes;
    brotli += statSync(join(dist, `${path}.br`)).size;
    console.log(`  ${path}: ${kb(bytes)} transferred (${encoding}), ${kb(statSync(join(dist, `${path}.br`)).size)} as Brotli`);
  }
  console.log(`service hall JavaScript: ${kb(transferred)} transferred, ${kb(brotli)} Brotli (target ≤ 300 KB)`);
  await context.close();

  // 2 and 3. The 40-field form view, built like the Portal and loaded from files.
  execFileSync("npx", ["vite", "build", "-c", "bench/vite.form-page.config.ts"], { cwd: resolve(import.meta.dirname, ".."), stdio: "inherit" });
  const built = resolve(import.meta.dirname, "../node_modules/.form-page-bench");
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  const benchPage = await browser.newPage();
  await benchPage.route("http://bench.local/**", route => {
    const path = new URL(route.request().url()).pathname;
    const file = join(built, path === "/" ? "index.html" : path);
    route.fulfill({ body: readFileSync(file), contentType: types[extname(file)] ?? "application/octet-stream" });
  });
  await benchPage.goto("http://bench.local/");
  await benchPage.waitForFunction(() => "bench" in window);
  type Bench = { render(): number; keystroke(c: string): Promise<number>; fields(): number };
  const renders: number[] = [];
  for (let i = 0; i < runs + 2; i++) renders.push(await benchPage.evaluate(() => (window as unknown as { bench: Bench }).bench.render()));
  const fields = await benchPage.evaluate(() => (window as unknown as { bench: Bench }).bench.fields());
  console.log(`40-field form render (${fields} fields shown): median ${median(renders.slice(2)).toFixed(1)} ms, first ${renders[0].toFixed(1)} ms (target ≤ 200 ms)`);
  const keys: number[] = [];
  for (let i = 0; i < runs * 2; i++) keys.push(await benchPage.evaluate(c => (window as unknown as { bench: Bench }).bench.keystroke(c), "字"));
  console.log(`keystroke → rules re-evaluated and re-rendered: median ${median(keys).toFixed(2)} ms, max ${Math.max(...keys).toFixed(2)} ms (target ≤ 16 ms)`);
  console.log(`(load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}; dist files: ${readdirSync(join(dist, "assets")).length})`);
});
