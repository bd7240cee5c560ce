import { expect, expectAccessible, test } from "../support/fixtures";
import { desktop, newStudioPage, openModule, pickInSelect, publish, studioSignIn } from "./studio-support";

test.use(desktop);

test("the city designer exposes a bounded, locked setting and an extension point without JSON; the district is held to them", async ({ page, browser, watched }) => {
  await studioSignIn(page, "designer");
  await openModule(page, "入会申请", "模板");

  // 设为可配置项: the district review's deadline becomes a named setting with bounds.
  await page.getByRole("tab", { name: "流程" }).click();
  // The canvas opens readable at the start step; the district review is further right, under the minimap: show everything.
  await page.getByRole("button", { name: "显示全部" }).click();
  await page.locator('[data-activity-id="districtReview"]').click();
  const promote = page.getByRole("region", { name: "设为可配置项" });
  await pickInSelect(page, promote.getByLabel("输入或属性"), "deadlineDays");
  await promote.getByLabel("配置项标识").fill("review");
  await expect(promote.getByText("该标识已被使用")).toBeVisible();
  await promote.getByLabel("配置项标识").fill("districtDeadlineDays");
  await promote.getByLabel("名称（中文）").fill("区总工会督办期限（工作日）");
  await promote.getByLabel("名称（英文）").fill("Working days for the district union");
  await promote.getByLabel("下限").fill("3");
  await promote.getByLabel("上限").fill("20");
  await promote.getByRole("button", { name: "设为可配置项" }).click();
  await expect(page.getByText("此值由设置 districtDeadlineDays 决定 (3–20)")).toBeVisible();
  await expect(promote).toContainText("deadlineDays ← 此值由设置 districtDeadlineDays 决定");

  // An extension point after the district review's approval; the canvas marks it and names where it rejoins.
  const open = page.getByRole("region", { name: "开放扩展点" });
  await pickInSelect(page, open.getByLabel("步骤结果"), "approve → recordHandler");
  await open.getByLabel("扩展点标识").fill("afterDistrictReview");
  await open.getByLabel("说明").fill("区总工会审核通过后，本级可加的步骤（如谈心谈话）");
  await open.getByRole("button", { name: "开放扩展点" }).click();
  await expect(page.locator('[data-activity-id="districtReview"] .ff-node-extension-points')).toContainText("afterDistrictReview");
  await expect(open).toContainText("在 districtReview（approve）之后插入，回到 recordHandler");
  await expectAccessible(page);

  // The settings tab lists it; its value is locked to 3–15 with a reason.
  await page.getByRole("tab", { name: "可配置项" }).click();
  const row = page.locator(".ff-settings tr", { hasText: "districtDeadlineDays" });
  await expect(row.getByLabel("默认值 districtDeadlineDays")).toHaveValue("10");
  const locks = row.getByRole("region", { name: "锁定 districtDeadlineDays" });
  await locks.getByRole("button", { name: "添加锁定" }).click();
  await pickInSelect(page, locks.getByLabel("锁定方式"), "限定取值范围");
  await expect(locks.getByRole("button", { name: "保存锁定" })).toBeDisabled();
  await pickInSelect(page, locks.getByLabel("限定的值"), "/value");
  await locks.getByLabel("最小值").fill("3");
  await locks.getByLabel("最大值").fill("15");
  await locks.getByLabel("锁定原因（下级可见）").fill("市总工会规定：区总工会须在3至15个工作日内督办");
  await locks.getByRole("button", { name: "保存锁定" }).click();
  await expect(locks.locator(".ff-own-lock")).toContainText("/value 3–15");
  await expect(page.locator(".ff-settings-panel")).toContainText("afterDistrictReview");
  await expectAccessible(page);

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
