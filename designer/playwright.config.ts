import { defineConfig } from "@playwright/test";

// Browser tests against the real server (e2e/support/global-setup.ts starts it on a random port with a fresh
// data folder in demo mode) in Debian's headless Chromium at a phone viewport. One worker: the machine has 2 cores.
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/support/global-setup.ts",
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "node_modules/.e2e-report.json" }]],
  use: {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    launchOptions: { executablePath: process.env.FORMFLOW_CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] },
    headless: true,
    trace: "off",
  },
});
