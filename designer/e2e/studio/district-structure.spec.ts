import { expect, test } from "../support/fixtures";
import { desktop, openModule, pickInSelect, publish, studioSignIn } from "./studio-support";

test.use(desktop);

test("the district admin adds a field, hides another, is refused hiding a locked one, inserts a step, and publishes", async ({ page }) => {
  await studioSignIn(page, "district-admin");
  // 东城区's own join module (demo data: derived from the city's template, with the district's customisations).
  await openModule(page, "入会申请", "东城区总工会");
  await expect(page.getByRole("tab", { name: "定制" })).toHaveAttribute("aria-selected", "true");

  // A field in the employment section, which the city locked "additions only".
  await pickInSelect(page, page.getByLabel("添加到栏目"), "入会申请 / 申请人信息 / 就业情况");
  await page.getByLabel("字段名称").fill("所在工会小组");
  await page.getByRole("button", { name: "添加字段" }).click();
  // New IDs count up past those the module already has: the city's own additions (other specs publish some, and
  // they reach this district by automatic upgrade) come first.
  const added = page.locator("tr", { has: page.locator('[data-status="added"]'), hasText: "所在工会小组" });
  await expect(added).toBeVisible();
  await expect(page.locator(".ff-overlay-diff")).toContainText(/\+ field\d+ → employment/);

  // Hiding the resident ID is refused: the city made it non-removable.
  const search = page.locator(".ff-customisation").getByPlaceholder("搜索");
  await search.fill("residentId");
  await page.locator('tr[data-row-key="residentId"]').getByRole("button", { name: "隐藏" }).click();
  const refusal = page.locator('tr[data-row-key="residentId"] .ff-refusal');
  await expect(refusal).toContainText("不能删除或隐藏");
  await expect(refusal).toContainText("某市总工会");

  // The e-mail field can go.
  await search.fill("email");
  await page.locator('tr[data-row-key="email"]').getByRole("button", { name: "隐藏" }).click();
  await expect(page.locator('tr[data-row-key="email"] [data-status="hidden"]')).toBeVisible();
  await expect(page.locator(".ff-overlay-diff")).toContainText("− email");

  // A district review step after approval, at the extension point the city opened there.
  await pickInSelect(page, page.getByLabel("扩展点"), "afterApproval · recordHandler → steps after approval, before the member card is issued (e.g. an orientation talk)");
  await page.getByLabel("步骤名称").fill("区总工会复核");
  await page.getByRole("button", { name: "插入步骤" }).click();
  const insertion = page.locator(".ff-overlay-diff li", { hasText: /\+ userTask\d+ → afterApproval/ });
  await expect(insertion).toBeVisible();
  const stepId = (await insertion.textContent())!.match(/userTask\d+/)![0];

  await publish(page);

  // The resolved module after a fresh load: the phone preview has the new field and not the hidden one; the canvas
  // has the new step.
  await page.reload();
  await openModule(page, "入会申请", "东城区总工会");
  await page.getByRole("tab", { name: /^表单/ }).click();
  const preview = page.getByTestId("phone-preview");
  await expect(preview.getByText("所在工会小组")).toBeVisible();
  await expect(preview.getByText("手机号码（接收审核短信）")).toBeVisible();
  await expect(preview.getByText("电子邮箱")).toHaveCount(0);
  await page.getByRole("tab", { name: "流程" }).click();
  await expect(page.locator(`[data-activity-id="${stepId}"]`)).toContainText("区总工会复核");
});
