import { baseUrl, expect, expectAccessible, phoneOptions, test, watch } from "./support/fixtures";

/**
 * The sign-in form the server draws into the Portal's page for a visitor without a session (hosts/FormFlow.Server/
 * WebUi/PortalSignInScreen.cs): usable at first paint, before the scripts have arrived; with no script at all it signs
 * in by a form post and lands on the drawn hall; and the app, once it boots, takes it over keeping what was typed
 * (src/portal/first-screen.ts).
 */

test("with JavaScript off, the drawn form says a wrong password, then signs the worker in to the drawn hall", async ({ browser, watched }) => {
  const context = await browser.newContext({ ...phoneOptions, javaScriptEnabled: false });
  const page = await context.newPage();
  await watch(page, watched);
  await page.goto(`${baseUrl()}/`);
  await page.getByLabel("账号").fill("worker");
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toHaveText("账号或密码不正确");
  expect(new URL(page.url()).search).toBe("?signInError=password");

  await page.getByLabel("账号").fill("worker");
  await page.getByLabel("密码").fill("demo");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("link", { name: /入会申请/ }).first()).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
  await context.close();
});

test("before any script has run, the sign-in form is there in the reader's size, and accessible", async ({ browser }) => {
  const context = await browser.newContext(phoneOptions);
  await context.addCookies([{ name: "formflow.elder", value: "1", url: baseUrl() }]);
  // (Refused scripts log console errors by design, so this page is not watched.)
  await context.route("**/assets/*.js", route => route.abort());
  const page = await context.newPage();
  await page.goto(`${baseUrl()}/`);
  await expect(page.getByRole("heading", { name: "工会服务" })).toBeVisible();
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await expect(page.locator("html")).toHaveClass("elder");
  await expectAccessible(page);
  await context.close();
});

test("what was typed before the app booted is kept when it takes over, focus included, and 登录 then signs in in the page", async ({ page }) => {
  // Hold the Portal's entry script until the drawn form has been typed into.
  let release!: () => void;
  const held = new Promise<void>(resolve => { release = resolve; });
  await page.route("**/assets/portal-*.js", async route => { await held; await route.continue(); });
  await page.goto(`${baseUrl()}/`, { waitUntil: "commit" });
  await page.getByLabel("账号").fill("worker");
  await page.getByLabel("密码").fill("demo");
  await expect(page.locator("#pf-first")).toHaveCount(1);

  release();
  await expect(page.locator("#pf-first")).toHaveCount(0);
  // The app's own form now (its language picker is not drawn), holding what was typed.
  await expect(page.getByRole("radiogroup", { name: "语言" })).toBeVisible();
  await expect(page.getByLabel("账号")).toHaveValue("worker");
  await expect(page.getByLabel("密码")).toHaveValue("demo");
  await expect(page.getByLabel("密码")).toBeFocused();

  const login = page.waitForRequest(request => new URL(request.url()).pathname === "/api/auth/login/hall");
  await page.getByRole("button", { name: "登录" }).click();
  await login;
  await expect(page.getByRole("link", { name: /入会申请/ }).first()).toBeVisible();
  await expectAccessible(page);
});
