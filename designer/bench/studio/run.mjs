// Studio benchmark (not a test): builds bench/studio, serves it, and measures in headless Chromium
//   - time to interactive of a 300-activity workflow and a 200-field form: navigation start → every node/field
//     rendered and the main thread idle, then a click on an activity/field → its property panel shown;
//   - the same opening in a page that has already loaded (the Studio before a designer opens): from the open call
//     to interactive, without loading and compiling the script;
//   - frame timings while dragging a node across the 300-activity canvas.
// Usage: node bench/studio/run.mjs [runs=5] [--baseline=<git ref>]     (from designer/)
//   With a baseline, that commit's designer sources are built too and each run measures both, alternating, so the
//   ratios compare figures taken under the same machine load.
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve } from "node:path";
import { execSync } from "node:child_process";
import { chromium } from "@playwright/test";

const args = process.argv.slice(2);
const runs = Number(args.find((a) => !a.startsWith("--")) ?? 5);
const baselineRef = args.find((a) => a.startsWith("--baseline="))?.slice("--baseline=".length);
const designer = resolve(import.meta.dirname, "../..");
const build = (dir) => execSync("npx vite build --config bench/studio/vite.config.ts --logLevel warn", { cwd: dir, stdio: "inherit" });
build(designer);
const variants = [{ name: "current", root: resolve(designer, "node_modules/.studio-bench") }];
if (baselineRef) {
  // The baseline's sources under node_modules/, so its imports resolve to this checkout's installed packages.
  const copy = resolve(designer, "node_modules/.studio-bench-baseline");
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  execSync(`git archive ${baselineRef} designer/src designer/bench/studio module-templates/calendars | tar -x -C ${copy}`, { cwd: resolve(designer, ".."), stdio: "inherit" });
  build(resolve(copy, "designer"));
  variants.unshift({ name: `baseline ${baselineRef} (${execSync(`git rev-parse --short ${baselineRef}`, { cwd: designer }).toString().trim()})`, root: resolve(copy, "designer/node_modules/.studio-bench") });
}

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
// One server for all variants: /<variant index>/... serves that variant's build.
const server = createServer((req, res) => {
  const [, index, ...rest] = decodeURIComponent(new URL(req.url, "http://x").pathname).split("/");
  const root = variants[Number(index)]?.root;
  if (!root) { res.writeHead(404).end(); return; }
  const path = join(root, ...rest);
  const file = existsSync(path) && statSync(path).isFile() ? path : join(root, "index.html");
  res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
}).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
let base;

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const idleNow = () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));

async function open(query, ready, clickSelector, panelSelector) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(`${base}?${query}`, { waitUntil: "commit" });
  await page.waitForFunction(ready, null, { polling: "raf", timeout: 60_000 });
  const interactive = await page.evaluate(idleNow);
  // Main-thread busy time (CPU spent in tasks) until then: less sensitive to other load on the machine than wall time.
  const metrics = (await cdp.send("Performance.getMetrics")).metrics;
  const busy = metrics.find((m) => m.name === "TaskDuration").value * 1000;
  const before = await page.evaluate(() => performance.now());
  await page.click(clickSelector);
  await page.waitForSelector(panelSelector, { timeout: 30_000 });
  const panel = (await page.evaluate(idleNow)) - before;
  return { page, interactive, busy, panel };
}

/** Opening in a loaded page (?opened=later): null when the variant's page cannot do that (an older baseline). */
async function openLater(query, ready) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  await page.goto(`${base}?${query}&opened=later`, { waitUntil: "load" });
  const supported = await page.waitForFunction(() => "__openDesigner" in window, null, { timeout: 10_000 }).then(() => true, () => false);
  if (!supported) { await page.close(); return null; }
  await page.evaluate(idleNow);
  const taskDuration = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration").value * 1000;
  const busyBefore = await taskDuration();
  const start = await page.evaluate(() => { const t = performance.now(); window.__openDesigner(); return t; });
  await page.waitForFunction(ready, null, { polling: "raf", timeout: 60_000 });
  const opened = (await page.evaluate(idleNow)) - start;
  const busy = (await taskDuration()) - busyBefore;
  await page.close();
  return { opened, busy };
}

// The whole workflow is there when the minimap draws every activity; the canvas is ready when the activities it
// renders (all of them when fitted into view, those in view when it virtualises) are measured and edges are drawn.
const workflowReady = () => {
  const nodes = document.querySelectorAll(".react-flow__node");
  return document.querySelectorAll(".react-flow__minimap-node").length >= 300 && nodes.length > 0
    && [...nodes].every((n) => n.style.visibility !== "hidden") && document.querySelectorAll(".react-flow__edge").length > 0;
};
const formReady = () => document.querySelectorAll(".ff-outline-field").length >= 200 && document.querySelectorAll('[data-testid="phone-preview"] .ff-field').length > 0;

const emptyResults = () => ({ workflowOpen: [], workflowOpenBusy: [], formOpen: [], formOpenBusy: [], workflowBusy: [], formBusy: [], workflowTti: [], workflowClick: [], formTti: [], formClick: [], dragMedian: [], dragP95: [], dragMax: [], dragLong: [], dragFrames: [] });
for (const v of variants) v.results = emptyResults();
for (let i = 0; i < runs * variants.length; i++) {
  const variant = variants[i % variants.length];
  const results = variant.results;
  base = `http://127.0.0.1:${server.address().port}/${i % variants.length}/index.html`;
  const wf = await open("workflow=300", workflowReady, '[data-activity-id="a21"]', '.ff-properties input[aria-label="活动 ID"]');
  results.workflowTti.push(wf.interactive);
  results.workflowBusy.push(wf.busy);
  results.workflowClick.push(wf.panel);

  // Drag a node 300 px in 60 mouse steps while a requestAnimationFrame loop records frame intervals.
  const box = await wf.page.locator('[data-activity-id="a22"]').boundingBox();
  await wf.page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await wf.page.mouse.move(box.x + 40, box.y + 15);
  await wf.page.mouse.down();
  for (let s = 1; s <= 60; s++) {
    await wf.page.mouse.move(box.x + 40 + s * 5, box.y + 15 + s * 2);
    await wf.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  await wf.page.mouse.up();
  const frames = await wf.page.evaluate(() => { window.__stop = true; return window.__frames.slice(1); });
  results.dragMedian.push(median(frames));
  results.dragP95.push(pct(frames, 0.95));
  results.dragMax.push(Math.max(...frames));
  results.dragLong.push(frames.filter((f) => f > 50).length);
  results.dragFrames.push(frames.length);
  const moved = await wf.page.locator('[data-activity-id="a22"]').boundingBox();
  if (Math.abs(moved.x - box.x) < 100) throw new Error(`the node did not move (${box.x} → ${moved.x})`);
  await wf.page.close();

  for (const [query, ready, key] of [["workflow=300", workflowReady, "workflow"], ["form=200", formReady, "form"]]) {
    const later = await openLater(query, ready);
    if (later) { results[`${key}Open`].push(later.opened); results[`${key}OpenBusy`].push(later.busy); }
  }

  const form = await open("form=200", formReady, '.ff-outline [data-element="f7"]', '.ff-field-properties input[aria-label="数据键"]');
  results.formTti.push(form.interactive);
  results.formBusy.push(form.busy);
  results.formClick.push(form.panel);
  await form.page.close();
}
await browser.close();
server.close();

const f = (xs) => (xs.length ? `${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(", ")})` : "n/a");
console.log(`Studio benchmark, ${runs} runs per variant, headless Chromium ${execSync("/usr/bin/chromium --version").toString().trim()}, load average ${(await import("node:os")).loadavg()[0].toFixed(1)}`);
for (const { name, results } of variants) {
  console.log(`== ${name}`);
  console.log(`300-activity workflow: interactive after ${f(results.workflowTti)}, main thread busy ${f(results.workflowBusy)}; click → property panel ${f(results.workflowClick)}`);
  console.log(`200-field form:        interactive after ${f(results.formTti)}, main thread busy ${f(results.formBusy)}; click → property panel ${f(results.formClick)}`);
  console.log(`opened in a loaded page: workflow interactive after ${f(results.workflowOpen)}, main thread busy ${f(results.workflowOpenBusy)}; form interactive after ${f(results.formOpen)}, busy ${f(results.formOpenBusy)}`);
  console.log(`node drag (60 steps):  frame interval median ${f(results.dragMedian)}, p95 ${f(results.dragP95)}, max ${f(results.dragMax)}, frames > 50 ms per drag: ${results.dragLong.join(", ")} of ${results.dragFrames.join(", ")}`);
}
if (variants.length === 2) {
  const [was, now] = variants.map((v) => v.results);
  const ratio = (key) => (was[key].length && now[key].length ? `${(median(now[key]) / median(was[key])).toFixed(2)}×` : "n/a");
  console.log("== current / baseline (ratio of medians)");
  console.log(`workflow interactive ${ratio("workflowTti")}, busy ${ratio("workflowBusy")}, click → panel ${ratio("workflowClick")}; form interactive ${ratio("formTti")}, busy ${ratio("formBusy")}, click → panel ${ratio("formClick")}; opened in a loaded page: workflow ${ratio("workflowOpen")}, form ${ratio("formOpen")}; drag frame median ${ratio("dragMedian")}, p95 ${ratio("dragP95")}`);
}
