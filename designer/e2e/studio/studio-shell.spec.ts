import { expect, test } from "../support/fixtures";
import { desktop, studioSignIn } from "./studio-support";

test.use(desktop);

test("the Studio signs in under the server's CSP, in Chinese by default, switches to English, and lists services", async ({ page }) => {
  await page.goto(`${process.env.FORMFLOW_E2E_URL}/studio/`);
  await expect(page.getByText("登录 FormFlow 设计器")).toBeVisible();
  await studioSignIn(page, "designer");
  await expect(page.getByRole("menuitem", { name: "服务" })).toBeVisible();
  // antd's CSS-in-JS styles carry the page's nonce (otherwise the policy blocks them and the fixture reports it).
  const nonce = await page.locator('meta[name="csp-nonce"]').getAttribute("content");
  expect(nonce).toBeTruthy();
  // Chromium hides nonces from the DOM, so check the effect: antd's generated layout style applies.
  await expect(page.locator(".ant-layout").first()).toHaveCSS("background-color", "rgb(245, 245, 245)");

  await page.getByRole("menuitem", { name: "服务" }).click();
  await expect(page.getByRole("heading", { name: "各组织运行的版本" })).toBeVisible();
  await expect(page.locator(".ff-services tbody tr").first()).toBeVisible();

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("menuitem", { name: "Services" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Which orgs run which version" })).toBeVisible();
});
