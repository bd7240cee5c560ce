import { expect, test } from "../support/fixtures";
import { desktop, newStudioPage, openModule, pickInSelect, publish, studioSignIn } from "./studio-support";

test.use(desktop);

test("the district admin derives the join template for a street, is held to the deadline bounds, and resolves an upgrade conflict", async ({ page, browser, watched }) => {
  await studioSignIn(page, "district-admin");
  // 东城区 has its own customised join already (demo data); this derives the city's template for a street below it.
  await page.locator("tr", { hasText: "入会申请" }).filter({ hasText: "模板" }).getByRole("button", { name: "派生" }).click();
  await pickInSelect(page, page.getByLabel("派生到组织"), "和平街道总工会");
  await page.getByRole("dialog").getByRole("button", { name: "派生" }).click();
  await expect(page.getByRole("tab", { name: "定制" })).toBeVisible();

  const deadline = page.getByLabel("值 reviewDeadlineDays");
  await deadline.fill("20");
  await expect(page.locator(".ff-refusal")).toContainText("市总工会规定");
  await deadline.fill("10");
  await expect(page.locator(".ff-refusal")).toHaveCount(0);
  await expect(page.locator(".ff-overlay-diff")).toContainText("reviewDeadlineDays/value: 15 → 10");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await publish(page);

  // The city changes the same setting and publishes.
  const city = await newStudioPage(browser, async (p) => { p.on("pageerror", (e) => watched.problems.push(`page error: ${e.message}`)); });
  await studioSignIn(city, "designer");
  await openModule(city, "入会申请", "模板");
  await city.getByRole("tab", { name: "流程" }).click();
  await city.locator('[data-activity-id="review"]').click();
  await city.getByLabel("期限（工作日）").fill("12");
  await city.getByRole("button", { name: "保存草稿" }).click();
  await publish(city);

  // Back at the district: the banner offers the upgrade; the conflict is resolved and the module publishes.
  await page.reload();
  await expect(page.locator(".ff-upgrade-banner")).toBeVisible();
  await page.getByRole("button", { name: "升级" }).click();
  const conflict = page.locator(".ff-conflicts tr", { hasText: "reviewDeadlineDays" });
  await expect(conflict.locator(".ff-parent")).toHaveText("12");
  await expect(conflict.locator(".ff-mine")).toHaveText("10");
  await conflict.getByRole("button", { name: "保留本级" }).click();
  await expect(page.getByText("没有冲突，可以发布。")).toBeVisible();
  await publish(page);
});
