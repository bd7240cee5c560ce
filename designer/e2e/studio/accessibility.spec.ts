import { expect, expectAccessible, test } from "../support/fixtures";
import { desktop, openModule, studioSignIn } from "./studio-support";

test.use(desktop);

/**
 * axe on every Studio page, as the people who use them reach them: the designer's library, a template's workflow,
 * form, versions and test-run tabs, services, dashboard and content; the district admin's customisation view of a
 * derived module and the admin pages (orgs, accounts, deliveries).
 */
test("every Studio page of the designer passes axe", async ({ page }) => {
  await studioSignIn(page, "designer");
  await expectAccessible(page);
  await openModule(page, "入会申请", "某市总工会");
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await expectAccessible(page);
  for (const tab of [/^表单/, /^版本与发布$/, /^试运行$/]) {
    await page.getByRole("tab", { name: tab }).first().click();
    await expectAccessible(page);
  }
  for (const item of ["服务", "统计看板", "资讯"]) {
    await page.getByRole("menuitem", { name: item }).click();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
  }
});

test("every Studio page of the district admin passes axe", async ({ page }) => {
  await studioSignIn(page, "district-admin");
  await openModule(page, "入会申请", "东城区总工会");
  await expect(page.getByRole("tab", { name: "定制" })).toBeVisible();
  await expectAccessible(page);
  for (const item of ["组织机构", "账号与角色", "消息投递"]) {
    await page.getByRole("menuitem", { name: item }).click();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);
  }
});
