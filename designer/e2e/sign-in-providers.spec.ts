import type { Page } from "@playwright/test";
import { baseUrl, expect, test } from "./support/fixtures";
import { desktop } from "./studio/studio-support";

/**
 * The demo server has no union login (Auth:Oidc unset): it lists only the password form, and neither sign-in page
 * offers another way in. (With one configured, the pages' link is covered by the Vitest component tests.)
 */
async function expectPasswordOnly(page: Page, path: string) {
  const [providers] = await Promise.all([page.waitForResponse((r) => new URL(r.url()).pathname === "/api/auth/providers"), page.goto(`${baseUrl()}${path}`)]);
  expect((await providers.json()).map((p: { id: string }) => p.id)).toEqual(["password"]);
  await expect(page.getByLabel("账号")).toBeVisible();
  await expect(page.getByRole("link", { name: /^使用.+登录$/ })).toHaveCount(0);
}

test("the Portal's sign-in offers only the password form when no union login is configured", async ({ page }) => {
  await expectPasswordOnly(page, "/");
});

test.describe("Studio", () => {
  test.use(desktop);
  test("the Studio's sign-in offers only the password form when no union login is configured", async ({ page }) => {
    await expectPasswordOnly(page, "/studio/");
  });
});
