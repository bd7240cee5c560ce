import { expect, expectAccessible, test } from "../support/fixtures";
import { desktop, exposeDistrictDeadline, newStudioPage, openModule, pickInSelect, publish, studioSignIn } from "./studio-support";

test.use(desktop);

test("the city designer exposes a bounded, locked setting and an extension point without JSON; the district is held to them", async ({ page, browser, watched }) => {
  await studioSignIn(page, "designer");
  await exposeDistrictDeadline(page);

  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  await publish(page);

  // The district (东城区) upgrades to the new version and is offered exactly what the city opened.
  const district = await newStudioPage(browser, async (p) => {
    p.on("pageerror", (e) => watched.problems.push(`page error: ${e.message}`));
    p.on("console", (m) => { if (m.type() === "error" && !/status of 4\d\d/.test(m.text())) watched.problems.push(`console error: ${m.text()}`); });
  });
  await studioSignIn(district, "district-admin");
  await openModule(district, "入会申请", "东城区总工会");
  // The publish upgrades 东城区 on its own when nothing conflicts; otherwise 东城区 upgrades by hand, keeping its own
  // value for each conflict (other specs may have changed what 东城区 also changed).
  const value = district.getByLabel("值 districtDeadlineDays");
  const banner = district.locator(".ff-upgrade-banner");
  await expect(async () => {
    await district.reload();
    await expect(value.or(banner).first()).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  if (await banner.isVisible()) {
    await district.getByRole("button", { name: "升级" }).click();
    const done = district.getByText("没有冲突，可以发布。");
    await expect(async () => {
      if (await done.isVisible()) return;
      await district.locator(".ff-conflicts").getByRole("button", { name: "保留本级" }).first().click();
      await expect(done).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
  }

  const setting = district.locator("tr", { has: district.getByLabel("值 districtDeadlineDays") });
  const inherited = setting.locator(".ff-inherited-lock");
  await expect(inherited).toContainText("市总工会规定：区总工会须在3至15个工作日内督办");
  await expect(inherited).toContainText("由 某市总工会 锁定");
  await expect(inherited).toHaveAttribute("aria-disabled", "true");
  await value.fill("20");
  await expect(setting.locator(".ff-refusal")).toContainText("市总工会规定");
  await value.fill("12");
  await expect(setting.locator(".ff-refusal")).toHaveCount(0);
  await expect(district.locator(".ff-overlay-diff")).toContainText("districtDeadlineDays/value: 10 → 12");

  // A district lock that would loosen the city's is refused by the server, naming the rule; a tighter one is taken.
  const own = setting.getByRole("region", { name: "锁定 districtDeadlineDays" });
  await own.getByRole("button", { name: "添加锁定" }).click();
  await pickInSelect(district, own.getByLabel("锁定方式"), "限定取值范围");
  await pickInSelect(district, own.getByLabel("限定的值"), "/value");
  await own.getByLabel("最小值").fill("1");
  await own.getByLabel("最大值").fill("15");
  await own.getByLabel("锁定原因（下级可见）").fill("东城区：街道须在12个工作日内");
  await own.getByRole("button", { name: "保存锁定" }).click();
  await expect(own.locator(".ff-refusal")).toContainText("locks only tighten downwards");
  await own.getByLabel("最小值").fill("5");
  await own.getByLabel("最大值").fill("12");
  await own.getByRole("button", { name: "保存锁定" }).click();
  await expect(own.locator(".ff-own-lock")).toContainText("/value 5–12");
  await expect(own.locator(".ff-refusal")).toHaveCount(0);

  // The extension point is where the district may insert its own steps.
  await district.getByLabel("扩展点", { exact: true }).click();
  await expect(district.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)")).toContainText("afterDistrictReview");
  await district.keyboard.press("Escape");
  await expectAccessible(district);
});
