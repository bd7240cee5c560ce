import { expect, test } from "../support/fixtures";
import { desktop, openModule, studioSignIn } from "./studio-support";

test.use(desktop);

// The palette is built from GET /api/activities (the engine's registry), not from a copy in the Studio.
test("the workflow palette lists the served activity types by their labels, grouped by category", async ({ page }) => {
  const served = page.waitForResponse((r) => r.url().endsWith("/api/activities") && r.ok());
  await studioSignIn(page, "designer");
  await openModule(page, "入会申请");
  await served;
  await page.getByRole("tab", { name: "流程" }).click();

  const palette = page.locator(".ff-palette");
  await expect(palette.getByText("流程控制")).toBeVisible();
  await expect(palette.locator('[data-activity-type="userTask"]')).toContainText("人工审核");
  await expect(palette.locator('[data-activity-type="grantEntitlement"]')).toContainText("授予权益");
  // 24 since addBankQuestion (question collection) joined the registry.
  await expect(palette.locator("[data-activity-type]")).toHaveCount(24);
  await page.screenshot({ path: test.info().outputPath("workflow-designer.png") });
});
