import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type Page } from "@playwright/test";

/**
 * Every test's pages fail the test on a console error, an uncaught page error or a Content-Security-Policy violation
 * (the securitypolicyviolation event, reported from an init script, which the page's policy does not govern).
 * `open(user, password?)` gives a signed-in page in a fresh browser context; contexts opened so are watched the same way.
 */
export interface Watched { problems: string[] }

/** Fails the test on this page's console errors, page errors, 5xx answers and CSP violations (for pages opened by hand). */
export async function watch(page: Page, watched: Watched): Promise<void> {
  page.on("console", message => {
    if (message.type() !== "error") return;
    // Chromium logs every 4xx answer as "Failed to load resource". API problem answers (401 before sign-in, 409 "quota
    // exhausted") are part of the protocol and shown by the page; anything else counts. (No draft yet is a 204.)
    const url = new URL(message.location().url || "about:blank", "http://x");
    if (/Failed to load resource: .* status of 4\d\d/.test(message.text()) && url.pathname.startsWith("/api/")) return;
    // A request made while the test itself has taken the network away (context.setOffline) fails by design.
    if (/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(message.text())) return;
    watched.problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on("response", response => { if (response.status() >= 500) watched.problems.push(`server error ${response.status()}: ${response.url()}`); });
  page.on("pageerror", error => watched.problems.push(`page error: ${error.message}`));
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => { watched.problems.push(`CSP violation: ${text}`); });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", e => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

let otherServer: string | undefined;

/** Points the calling file's tests at another server than the run's demo one; `undefined` points them back. */
export function useServer(url: string | undefined): void {
  otherServer = url;
}

/** A worker's phone, as the run's own pages are (playwright.config.ts), for contexts a test opens itself. */
export const phoneOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "zh-CN", timezoneId: "Asia/Shanghai" };

export const baseUrl = () => {
  if (otherServer) return otherServer;
  const url = process.env.FORMFLOW_E2E_URL;
  if (!url) throw new Error("FORMFLOW_E2E_URL is not set: the global setup did not start the server");
  return url;
};

export const test = base.extend<{ watched: Watched; open: (user: string, password?: string) => Promise<Page> }>({
  watched: async ({}, use) => {
    const watched: Watched = { problems: [] };
    await use(watched);
    expect(watched.problems, "console errors or CSP violations during the test").toEqual([]);
  },
  page: async ({ page, watched }, use) => {
    await watch(page, watched);
    await use(page);
  },
  open: async ({ browser, watched }, use) => {
    const contexts: Awaited<ReturnType<Browser["newContext"]>>[] = [];
    await use(async (user: string, password?: string) => {
      const context = await browser.newContext(phoneOptions);
      contexts.push(context);
      const page = await context.newPage();
      await watch(page, watched);
      await signIn(page, user, password);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };

export async function signIn(page: Page, user: string, password = "demo"): Promise<void> {
  await page.goto(`${baseUrl()}/`);
  await page.getByLabel("账号").fill(user);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("navigation")).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("link", { name: "我的", exact: true }).click();
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByLabel("账号")).toBeVisible();
}

/** axe-core on the current page: no WCAG 2 A/AA violation, and no serious or critical one of any other rule. */
export async function expectAccessible(page: Page): Promise<void> {
  // A dialog still fading in reads as low contrast: let finite animations and transitions end first. Waiting hung once
  // in CI on a progress bar's transition whose timeline never advanced, so after 5 s the stragglers are jumped to their
  // end instead (jumping at once is too early for a dialog: its component drops the motion classes a frame later).
  const settled = () => document.getAnimations().every(a => a.playState !== "running" || a.effect?.getComputedTiming().endTime === Infinity);
  await page.waitForFunction(settled, undefined, { timeout: 5_000 }).catch(async () => {
    await page.evaluate(() => document.getAnimations().forEach(a => { if (a.effect?.getComputedTiming().endTime !== Infinity) a.finish(); }));
  });
  const results = await new AxeBuilder({ page }).analyze();
  // Every WCAG 2.0/2.1 A and AA violation, whatever its impact, and any other rule's serious or critical one.
  const bad = results.violations.filter(v => v.tags.some(tag => /^wcag2\d?aa?$/.test(tag)) || v.impact === "serious" || v.impact === "critical");
  expect(bad.map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => `${n.html.slice(0, 140)} [${n.failureSummary?.split("\n").slice(1).join(" ").slice(0, 160)}]`).join(" | ")}`)).toEqual([]);
}
