import { expect, expectAccessible, test, useServer, watch } from "../support/fixtures";
import { startServer, type RunningServer } from "../support/server-process";
import { handDownAndFollow } from "../support/hand-down";
import { desktop, exposeDistrictDeadline, lockExtensionPointAdditionsOnly, newStudioPage, openModule, publishJoinAndSettleXihu, studioSignIn } from "./studio-support";

/**
 * Issue #21's "done when", walked as its users would, in one story: the city designer locks, bounds and exposes what
 * districts may change without opening JSON and sees every district's fate before publishing; 西湖区's admin settles
 * the conflict the publish foretold; 东城区 finds the city's locks greyed with their reasons; 东城区's lawyer hands a
 * worker's case down to 和平街道 and the worker follows it to the end.
 */
test.use(desktop);

// The story begins where the demo begins, on a server of its own: the shared one may hold other specs' publishes.
let own: RunningServer;
test.beforeAll(async () => {
  test.setTimeout(150_000);
  own = await startServer([], { FORMFLOW_DEMO_PASSWORD: "demo" });
  useServer(own.url);
});
test.afterAll(async () => {
  useServer(undefined);
  await own?.stop();
});

test("the city customises join without JSON and sees every district's fate before publishing; a district hands a case down and follows it to the end", async ({ page, browser, open, watched }) => {
  test.setTimeout(360_000);

  // The city designer locks a deadline's bounds, declares a setting and an extension point, and keeps the point additions only.
  await studioSignIn(page, "designer");
  await exposeDistrictDeadline(page);
  await lockExtensionPointAdditionsOnly(page, "afterDistrictReview", "区总工会可在此加步骤，不得删改上级的安排");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("已保存")).toBeVisible();

  // Before publishing: every district's fate, with 西湖区's conflict read in full; after it, 西湖区's own admin settles it.
  await publishJoinAndSettleXihu(page, browser, watched);

  // 东城区, upgraded on its own, finds what the city locked greyed beforehand, with the reasons and who set them.
  const dongcheng = await newStudioPage(browser, p => watch(p, watched));
  await studioSignIn(dongcheng, "district-admin");
  await openModule(dongcheng, "入会申请", "东城区总工会");
  const setting = dongcheng.locator("tr", { has: dongcheng.getByLabel("值 districtDeadlineDays") });
  await expect(setting.locator(".ff-inherited-lock")).toContainText("市总工会规定：区总工会须在3至15个工作日内督办");
  const point = dongcheng.locator(".ff-extension-points tr", { hasText: "afterDistrictReview" });
  await expect(point.locator(".ff-inherited-lock")).toContainText("区总工会可在此加步骤，不得删改上级的安排");
  await expect(point.locator(".ff-inherited-lock")).toContainText("由 某市总工会 锁定");
  await dongcheng.getByRole("tab", { name: "流程" }).click();
  await dongcheng.locator('[data-activity-id="review"]').click();
  const title = dongcheng.getByRole("group", { name: "title" });
  await expect(title).toHaveAccessibleDescription(/审核步骤名称全市统一/);
  await expect(title.getByRole("textbox").first()).toBeDisabled();
  await expectAccessible(dongcheng);

  // 东城区's lawyer hands a worker's legal question down to 和平街道; only 和平街道 gets it; the worker follows it to the end.
  await handDownAndFollow(open);
});
