import type { Browser, BrowserContext, Page } from "@playwright/test";
import { baseUrl, expect, expectAccessible, phoneOptions, test } from "./support/fixtures";

/**
 * The hall the server draws into the Portal's page for a signed-in worker (hosts/FormFlow.Server/WebUi/
 * PortalFirstScreen.cs) shows at first paint, before any script has run, and is the hall the Portal then renders:
 * the same markup, language and size, so the hand-over (src/portal/first-screen.ts) changes nothing a worker sees.
 */

/** The same browser state (cookies and this device's choices), with every script refused: what the server drew alone. */
async function withoutScripts(browser: Browser, from: BrowserContext): Promise<Page> {
  const context = await browser.newContext({ ...phoneOptions, storageState: await from.storageState() });
  await context.route("**/assets/*.js", route => route.abort());
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/`);
  return page;
}

const drawn = (page: Page) => page.locator("#pf-first .pf-app").evaluate(e => e.outerHTML);
const rendered = async (page: Page) => {
  await expect(page.locator("#pf-first")).toHaveCount(0);
  return page.locator("#root .pf-app").evaluate(e => e.outerHTML);
};

test("the server draws the worker's hall before any script runs, and the Portal's own hall is the same", async ({ open, browser }) => {
  const worker = await open("worker");
  await expect(worker.getByRole("link", { name: /入会申请/ }).first()).toBeVisible();
  const portal = await rendered(worker);

  const bare = await withoutScripts(browser, worker.context());
  await expect(bare.getByRole("link", { name: /入会申请/ }).first()).toBeVisible();
  expect(await drawn(bare)).toBe(portal);
  await expect(bare.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expectAccessible(bare);
  // Its links are real: a tap before the scripts have run opens the service's page.
  const href = await bare.getByRole("link", { name: /入会申请/ }).first().getAttribute("href");
  expect(href).toMatch(/^\/services\/\d+$/);
  await bare.context().close();
});

test("the drawn hall is in the reader's language and size, as the Portal shows it", async ({ open, browser }) => {
  const worker = await open("worker");
  await worker.getByRole("link", { name: "我的", exact: true }).click();
  await worker.getByText("长辈模式（大字、高对比度）").click();
  await expect(worker.locator("html")).toHaveClass(/elder/);
  await worker.getByText("English").click();
  await worker.getByRole("link", { name: "Services" }).click();
  await expect(worker.getByRole("heading", { name: "Services", exact: true })).toBeVisible();
  const portal = await rendered(worker);

  const bare = await withoutScripts(browser, worker.context());
  await expect(bare.getByRole("heading", { name: "Services", exact: true })).toBeVisible();
  expect(await drawn(bare)).toBe(portal);
  await expect(bare.locator("html")).toHaveAttribute("lang", "en");
  await expect(bare.locator("html")).toHaveClass("elder");
  await bare.context().close();
});

test("signed in, the hall arrives drawn on the next visit, and the Portal takes it over without a moment with no hall", async ({ page }) => {
  // On every page from now on, watch the document as it is built: note whether the hall came drawn, and count every
  // change after the hall first showed that leaves none shown (the drawn one hides the app's root: portal.css).
  await page.addInitScript(() => {
    const seen = { drawn: false, shown: false, gaps: 0 };
    (window as unknown as { hallSeen: typeof seen }).hallSeen = seen;
    new MutationObserver(() => {
      const drawn = document.querySelector("#pf-first a.pf-list-item") !== null;
      const shown = drawn || (document.getElementById("pf-first") === null && document.querySelector("#root a.pf-list-item") !== null);
      seen.drawn ||= drawn;
      if (shown) seen.shown = true;
      else if (seen.shown) seen.gaps++;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${baseUrl()}/`);
  await page.getByLabel("账号").fill("worker");
  await page.getByLabel("密码").fill("demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("link", { name: /入会申请/ }).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("link", { name: /入会申请/ }).first()).toBeVisible();
  await expect(page.locator("#pf-first")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { hallSeen: unknown }).hallSeen)).toEqual({ drawn: true, shown: true, gaps: 0 });
  await expectAccessible(page);
});

test("a staff member's inbox and a signed-out visitor get no drawn hall", async ({ open, request }) => {
  const reviewer = await open("reviewer");
  await reviewer.goto(`${baseUrl()}/`);
  await expect(reviewer.getByRole("heading", { name: "待办" })).toBeVisible();
  expect(await (await reviewer.request.get(`${baseUrl()}/`)).text()).not.toContain('id="pf-first"');
  // (A visitor without a session gets the sign-in form drawn instead: first-sign-in.spec.ts. Its page carries the
  // Portal's stylesheet, which names the hall's classes: look for the markup.)
  expect(await (await request.get(`${baseUrl()}/`)).text()).not.toContain('class="pf-list-item"');
});
