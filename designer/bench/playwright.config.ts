import { defineConfig } from "@playwright/test";

// `npm run bench:portal` (bench/portal-perf.bench.ts) and `npm run bench:phone` (bench/phone-network.bench.ts) in
// headless Debian Chromium at a phone viewport, against the real server (the e2e global setup). Benchmarks: they
// print medians and assert nothing about time.
export default defineConfig({
  testDir: ".",
  testMatch: ["portal-perf.bench.ts", "phone-network.bench.ts"],
  globalSetup: "../e2e/support/global-setup.ts",
  workers: 1,
  timeout: 600_000,
  reporter: "list",
  use: {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    launchOptions: { executablePath: process.env.FORMFLOW_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] },
    headless: true,
  },
});
