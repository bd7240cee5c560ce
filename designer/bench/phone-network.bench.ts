import { readFileSync } from "node:fs";
import { test, type BrowserContext, type CDPSession, type Page } from "@playwright/test";

/**
 * The Portal on a phone network (issue 19's targets), against the real server: Chromium emulates Fast 3G (1.6 Mbps
 * down, 750 kbps up, 150 ms round trip) on a CPU four times slower. Each run times, from a cold cache:
 *   sign-in   page opened → the 登录 button usable (target ≤ 1.5 s)
 *   hall      登录 tapped → the service hall's first service shown (≤ 1 s)
 *   form      a service tapped → its form's first field shown (≤ 1 s)
 *   repeat    the hall opened again in the same browser (warm cache, signed in) (≤ 0.8 s)
 * and the bytes on the wire for each step (until usable; what is fetched ahead for the next step apart). Prints medians of `runs`; asserts nothing about time (the machine is
 * shared). `npm run bench:phone` (or FORMFLOW_BENCH_NETWORK=slow3g for 400 kbps / 400 ms).
 */
const runs = Number(process.env.FORMFLOW_BENCH_RUNS ?? 5);
const networks = {
  fast3g: { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  slow3g: { latency: 400, downloadThroughput: 400e3 / 8, uploadThroughput: 400e3 / 8 },
};
const network = networks[(process.env.FORMFLOW_BENCH_NETWORK ?? "fast3g") as keyof typeof networks] ?? networks.fast3g;
const steps = ["sign-in", "hall", "form", "repeat"] as const;
type Step = (typeof steps)[number];
const targets: Record<Step, number> = { "sign-in": 1500, hall: 1000, form: 1000, repeat: 800 };

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Throttles a page and counts the bytes it receives (compressed, headers included) until reset. */
async function throttle(context: BrowserContext, page: Page): Promise<{ cdp: CDPSession; bytes: () => number; reset: () => void }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...network });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  let received = 0;
  cdp.on("Network.loadingFinished", e => { received += e.encodedDataLength; });
  return { cdp, bytes: () => received, reset: () => { received = 0; } };
}

async function timed(page: Page, counter: { bytes: () => number; reset: () => void }, act: () => Promise<unknown>, ready: () => Promise<unknown>) {
  counter.reset();
  const start = performance.now();
  await act();
  await ready();
  const ms = performance.now() - start;
  const bytes = counter.bytes();
  // What is fetched ahead once the step is usable (the next pages' chunks) is reported apart, and not timed.
  await page.waitForLoadState("networkidle");
  return { ms, bytes, ahead: counter.bytes() - bytes };
}

test("Portal on Fast 3G with a 4× slower CPU: sign-in, hall, form, repeat visit", async ({ browser }) => {
  const base = process.env.FORMFLOW_E2E_URL!;
  const figures: Record<Step, { ms: number[]; bytes: number[]; ahead: number[] }> = Object.fromEntries(steps.map(s => [s, { ms: [], bytes: [], ahead: [] }])) as never;
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN" });
    let page = await context.newPage();
    let counter = await throttle(context, page);
    const record = (step: Step, r: { ms: number; bytes: number; ahead: number }) => { for (const k of ["ms", "bytes", "ahead"] as const) figures[step][k].push(r[k]); };

    record("sign-in", await timed(page, counter, () => page.goto(`${base}/`, { waitUntil: "commit" }),
      () => page.getByRole("button", { name: "登录" }).waitFor()));
    await page.getByLabel("账号").fill("worker");
    await page.getByLabel("密码").fill("demo");
    record("hall", await timed(page, counter, () => page.getByRole("button", { name: "登录" }).click(),
      () => page.getByRole("link", { name: /入会申请/ }).first().waitFor()));
    record("form", await timed(page, counter, () => page.getByRole("link", { name: /入会申请/ }).first().click(),
      () => page.getByRole("textbox").first().waitFor()));

    // A later visit: a new tab in the same browser (HTTP cache and cookie kept), throttled the same way.
    await page.close();
    page = await context.newPage();
    counter = await throttle(context, page);
    record("repeat", await timed(page, counter, () => page.goto(`${base}/`, { waitUntil: "commit" }),
      () => page.getByRole("link", { name: /入会申请/ }).first().waitFor()));
    await context.close();
  }

  console.log(`Portal, ${process.env.FORMFLOW_BENCH_NETWORK ?? "fast3g"} (${network.latency} ms, ${(network.downloadThroughput * 8 / 1e6).toFixed(1)} Mbps), CPU ×4, medians of ${runs}:`);
  for (const step of steps) {
    const { ms, bytes, ahead } = figures[step];
    const kb = (xs: number[]) => `${(median(xs) / 1024).toFixed(1)} KB`.padStart(8);
    console.log(`  ${step.padEnd(8)} ${median(ms).toFixed(0).padStart(5)} ms (target ≤ ${targets[step]} ms) ${kb(bytes)} on the wire, ${kb(ahead)} fetched ahead  [runs: ${ms.map(m => m.toFixed(0)).join(", ")}]`);
  }
  console.log(`(load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")})`);
});
