import { fileURLToPath } from "node:url";
import { expectAccessible, expect, test } from "../support/fixtures";
import { desktop, studioSignIn } from "./studio-support";

test.use(desktop);

const sheet = (name: string) => fileURLToPath(new URL(`../support/${name}`, import.meta.url));

test("the district admin creates and renames a street, then imports a sheet after its dry run shows the bad row", async ({ page }) => {
  await studioSignIn(page, "district-admin");
  await page.getByRole("menuitem", { name: "组织机构" }).click();
  await page.getByRole("tree").getByText("东城区总工会 · 区县").click();

  await page.getByLabel("新组织名称").fill("景山街道总工会");
  await page.getByRole("button", { name: "新建下级组织" }).click();
  await expect(page.getByRole("status")).toContainText("已新建“景山街道总工会”");
  await page.getByRole("tree").getByText("景山街道总工会 · 街道").click();
  await page.getByLabel("改名", { exact: true }).fill("景山街道工会联合会");
  await page.getByRole("button", { name: "改名" }).click();
  await expect(page.getByRole("tree")).toContainText("景山街道工会联合会 · 街道");
  await expectAccessible(page);

  // A sheet with a row of an unknown level: the dry run names row and column, and the import stays closed.
  await page.locator('input[type="file"]').setInputFiles(sheet("orgs-with-error.xlsx"));
  await page.getByRole("button", { name: "试导入（只检查）" }).click();
  await expect(page.getByText("共 3 行，1 个错误")).toBeVisible();
  await expect(page.locator("tr", { hasText: "'村' is not a level" })).toContainText("4");
  await expect(page.getByRole("button", { name: "正式导入" })).toBeDisabled();

  await page.locator('input[type="file"]').setInputFiles(sheet("orgs.xlsx"));
  await page.getByRole("button", { name: "试导入（只检查）" }).click();
  await expect(page.getByText("共 3 行，0 个错误")).toBeVisible();
  await page.getByRole("button", { name: "正式导入" }).click();
  await expect(page.getByText("已导入 3 个组织")).toBeVisible();
  await expect(page.getByRole("tree")).toContainText("东华门商场工会 · 基层");
});
