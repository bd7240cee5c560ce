import { expect, expectAccessible, test } from "../support/fixtures";
import { desktop, openModule, publish, studioSignIn } from "./studio-support";

test.use(desktop);

// The demo city's join draft is version 1.1.0 with one new lock on the review step's title (samples/customisations/city.join-1.1.draft.json).
test("before publishing join 1.1 the city designer sees 东城区 upgrade cleanly and 西湖区 broken by the new lock; after the publish 西湖区's upgrade takes the city's title", async ({ page }) => {
  await studioSignIn(page, "designer");
  await openModule(page, "入会申请", "模板");
  await page.getByRole("tab", { name: "版本与发布" }).click();
  await page.getByRole("button", { name: "查看对下级单位的影响" }).click();

  const impact = page.locator(".ff-impact");
  await expect(impact.locator("tr", { hasText: "东城区总工会" }).first()).toContainText("自动升级");
  await expect(impact.locator("tr", { hasText: "西湖区总工会" }).first()).toContainText("被新锁定破坏");
  const conflict = page.locator('.ff-impact-org[data-org="西湖区总工会"] tbody tr').first();
  await expect(conflict).toContainText("/review/inputs/title");
  await expect(conflict.locator(".ff-base")).toContainText("审核入会申请");
  await expect(conflict.locator(".ff-mine")).toContainText("朝阳区");
  await expect(conflict.locator(".ff-locked-by")).toContainText("某市总工会：审核步骤名称全市统一");
  await page.mouse.move(0, 0); // the pointer off the button it clicked (antd's hover colour is not what is checked here)
  await expectAccessible(page);

  expect(await publish(page)).toBe("1.1.0");
  await expect(page.locator(".ff-cascade-waiting")).toContainText("西湖区总工会");

  // 西湖区's module waits with the conflict the impact view foretold; taking the city's title settles it.
  await openModule(page, "入会申请", "西湖区总工会");
  await expect(page.locator(".ff-upgrade-banner")).toBeVisible();
  await page.getByRole("button", { name: "升级" }).click();
  const open = page.locator(".ff-conflicts tr", { hasText: "/review/inputs/title" });
  await expect(open.locator(".ff-mine")).toContainText("朝阳区");
  await open.getByRole("button", { name: "采用上级" }).click();
  await expect(page.getByText("没有冲突，可以发布。")).toBeVisible();
  await publish(page);
});
