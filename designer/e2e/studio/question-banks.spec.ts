import { expect, expectAccessible, test } from "../support/fixtures";
import { desktop, pickInSelect, studioSignIn } from "./studio-support";

test.use(desktop);

test("the designer opens the demo question bank, reads its questions with their keys and can export it", async ({ page }) => {
  await studioSignIn(page, "designer");
  await page.getByRole("menuitem", { name: "题库" }).click();
  await pickInSelect(page, page.getByLabel("选择题库"), "职工安全生产与劳动合同法题库 · 某市总工会 (61)");
  const table = page.getByRole("table", { name: "题目" });
  await expect(table.locator("tbody tr")).toHaveCount(20);
  await expect(table).toContainText("用人单位自用工之日起多长时间内应当与劳动者订立书面劳动合同？");
  await expect(page.getByRole("link", { name: "导出 Excel" })).toHaveAttribute("href", /\/api\/question-banks\/\d+\/export$/);
  await expect(page.getByRole("button", { name: "试导入（只检查）" })).toBeDisabled();
  await expectAccessible(page);
});

test("a district admin reads the city bank's questions without keys and cannot export it", async ({ page }) => {
  await studioSignIn(page, "district-admin");
  await page.getByRole("menuitem", { name: "题库" }).click();
  await pickInSelect(page, page.getByLabel("选择题库"), "职工安全生产与劳动合同法题库 · 某市总工会 (61) · 上级题库，只读");
  await expect(page.getByRole("alert").or(page.locator(".ant-alert-info"))).toContainText("看不到答案和解析");
  const table = page.getByRole("table", { name: "题目" });
  await expect(table).toContainText("用人单位自用工之日起多长时间内应当与劳动者订立书面劳动合同？");
  const row = table.locator("tbody tr", { hasText: "用人单位自用工之日起多长时间内应当与劳动者订立书面劳动合同？" });
  await expect(row.locator("td").nth(4)).toHaveText("—");
  await expect(page.getByRole("link", { name: "导出 Excel" })).toHaveCount(0);
  await expectAccessible(page);
});
