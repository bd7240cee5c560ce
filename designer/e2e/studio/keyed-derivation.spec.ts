import { expect, test } from "../support/fixtures";
import { desktop, openModule, pickInSelect, studioSignIn } from "./studio-support";

test.use(desktop);

test("the city designer derives golden ideas under a key of its own, refused first on a taken key, and the library shows each derivation's parent", async ({ page }) => {
  await studioSignIn(page, "designer");
  await page.getByRole("menuitem", { name: "模块库" }).click();
  // the demo's innovation showcase is golden ideas' derivation, kept by the city beside it
  await expect(page.locator("tr", { hasText: "创新成果展示" })).toContainText("金点子征集 · 某市总工会");

  await page.locator("tr", { hasText: "金点子征集" }).filter({ hasText: "模板" }).getByRole("button", { name: "派生" }).click();
  const dialog = page.getByRole("dialog");
  await pickInSelect(page, dialog.getByLabel("派生到组织"), "某市总工会");
  await dialog.getByLabel("模块标识").fill("join");
  await dialog.getByLabel("名称").fill("安全生产金点子");
  await dialog.getByRole("button", { name: "派生" }).click();
  // the server's refusal shows on the field it names, and the dialog stays open
  await expect(dialog.locator(".ant-form-item-has-error")).toContainText("moduleKey");

  await dialog.getByLabel("模块标识").fill("safety-ideas");
  await dialog.getByRole("button", { name: "派生" }).click();
  await expect(page.getByRole("tab", { name: "定制" })).toBeVisible();

  await page.getByRole("menuitem", { name: "模块库" }).click();
  const derived = page.locator("tr", { hasText: "安全生产金点子" });
  await expect(derived).toContainText("金点子征集 · 某市总工会");
  await expect(derived).toContainText("派生");
});

test("the training template's levels are a table that shows the server's message under the cell", async ({ page }) => {
  await studioSignIn(page, "designer");
  await openModule(page, "技能闯关", "模板");
  await page.getByRole("tab", { name: "可配置项" }).click();
  await expect(page.getByLabel("关卡名称 1")).toBeVisible();
  const rows = page.locator(".ff-training-levels tbody tr");
  const before = await rows.count();
  await page.getByRole("button", { name: "添加关卡" }).click();
  await expect(rows).toHaveCount(before + 1);
  const questions = page.getByLabel(`每关题数 ${before + 1}`);
  await questions.fill("101");
  await expect(page.locator(".ff-training-levels")).toContainText(`setting 'trainingLevels', level ${before + 1}: 'questions' must be 1 to 100`);
  await questions.fill("8");
  await expect(page.locator(".ff-training-levels [role=alert]")).toHaveCount(0);
  await page.getByRole("button", { name: `删除关卡 ${before + 1}` }).click();
  await expect(rows).toHaveCount(before);
});
