import { baseUrl, expect, expectAccessible, signIn, signOut, test } from "./support/fixtures";

test("the sign-in page refuses a wrong password clearly and is accessible", async ({ page }) => {
  await page.goto(`${baseUrl()}/`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expectAccessible(page);
  await page.getByLabel("账号").fill("worker");
  await page.getByLabel("密码").fill("wrong");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toHaveText("账号或密码不正确");
});

test("a worker signs in to the service hall; a client route survives a reload", async ({ page }) => {
  await signIn(page, "worker");
  await expect(page.getByRole("heading", { name: "服务大厅" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "我的", exact: true }).click();
  await expect(page).toHaveURL(/\/me$/);
  await page.reload();
  await expect(page.getByRole("heading", { name: /./ }).first()).toBeVisible();
  await expect(page.getByText("语言")).toBeVisible();
  await expectAccessible(page);
});

test("language switches to English and Traditional Chinese and is kept on this device", async ({ page }) => {
  await signIn(page, "worker");
  await page.getByRole("link", { name: "我的", exact: true }).click();
  await page.getByText("English").click();
  await expect(page.getByRole("link", { name: "Services" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("link", { name: "Services" })).toBeVisible();
  await page.getByText("繁體中文").click();
  await expect(page.getByRole("link", { name: "服務大廳" })).toBeVisible();
  await page.getByText("简体中文").click();
  await expect(page.getByRole("link", { name: "服务大厅" })).toBeVisible();
});

test("elder mode enlarges text, is remembered per account, and stays accessible", async ({ page }) => {
  await signIn(page, "worker");
  await page.getByRole("link", { name: "我的", exact: true }).click();
  const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const normal = await bodySize();
  await page.getByText("长辈模式（大字、高对比度）").click();
  await expect(page.locator("html")).toHaveClass(/elder/);
  expect(await bodySize()).toBeGreaterThanOrEqual(normal * 1.25);
  await expectAccessible(page);

  await signOut(page);
  await signIn(page, "merchant");
  await expect(page.locator("html")).not.toHaveClass(/elder/);
  await signOut(page);
  await signIn(page, "worker");
  await expect(page.locator("html")).toHaveClass(/elder/);
});

test("every HTML page carries a fresh style nonce and the API keeps its 404 problems", async ({ request }) => {
  const first = await request.get(`${baseUrl()}/cases/1`);
  const second = await request.get(`${baseUrl()}/cases/1`);
  const nonce = (html: string) => /name="csp-nonce" content="([^"]+)"/.exec(html)?.[1];
  const a = nonce(await first.text());
  expect(a).toBeTruthy();
  expect(first.headers()["content-security-policy"]).toContain(`'nonce-${a}'`);
  expect(nonce(await second.text())).not.toBe(a);
  const missing = await request.get(`${baseUrl()}/api/nothing-here`);
  expect(missing.status()).toBe(404);
  expect(missing.headers()["content-type"]).toContain("application/problem+json");
});
