import { join } from "node:path";
import { expect, expectAccessible, test } from "../support/fixtures";
import { desktop, pickInSelect, studioSignIn } from "./studio-support";

test.use(desktop);

/**
 * The district admin onboards a merchant in the Studio (商户): name, category, district, the benefits it may redeem;
 * finds it in the list, deactivates it, reads both changes in 审计日志, and checks a member sheet with a dry run
 * that lists each bad row (会员导入) and writes nothing.
 */
test("the district admin creates and deactivates a merchant, reads it in the audit log, and dry-runs a member sheet", async ({ page }) => {
  const name = `和平书店${Date.now() % 100000}`;
  await studioSignIn(page, "district-admin");
  await page.getByRole("menuitem", { name: "商户" }).click();
  const table = page.getByRole("table", { name: "商户" });
  await expect(table).toContainText("东城老街理发店");
  await expect(table).not.toContainText("西湖健身中心");

  await page.getByRole("button", { name: "新建商户" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("名称").fill(name);
  await dialog.getByLabel("类别").fill("书店");
  await pickInSelect(page, dialog.getByLabel("所属区域"), "东城区总工会");
  await pickInSelect(page, dialog.getByLabel("可核销权益"), "理发 (haircut)");
  await dialog.getByLabel("优惠内容").fill("会员购书九折");
  await dialog.getByLabel("结束日期").fill("2099-12-31");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("status")).toContainText(`已新建商户“${name}”`);
  const row = table.locator("tr", { hasText: name });
  await expect(row).toContainText("东城区总工会");
  await expect(row).toContainText("haircut");
  await expect(row).toContainText("营业中");
  await expectAccessible(page);

  await page.getByLabel("搜索名称、编号或地址").fill(name);
  await page.getByLabel("搜索名称、编号或地址").press("Enter");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await row.getByRole("button", { name: "停用" }).click();
  await page.locator(".ant-popconfirm").getByRole("button", { name: "停用" }).click();
  await expect(page.getByRole("status")).toContainText(`已停用“${name}”`);
  await expect(row).toContainText("已停用");

  await page.getByRole("menuitem", { name: "审计日志" }).click();
  await page.getByLabel("操作", { exact: true }).fill("merchant.");
  await page.getByRole("button", { name: "查询" }).click();
  const audit = page.getByRole("table", { name: "审计日志" });
  const created = audit.locator("tr", { hasText: "merchant.created" }).filter({ hasText: name });
  await expect(created).toContainText("district-admin");
  await expect(created).toContainText("东城区总工会");
  await expect(audit.locator("tr", { hasText: "merchant.deactivated" }).first()).toBeVisible();
  await expect(audit).not.toContainText("西湖区");
  await page.getByLabel("对象", { exact: true }).fill(`merchant:${(await created.locator("td").nth(3).textContent())!.replace("merchant:", "")}`);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(audit.locator("tbody tr")).toHaveCount(2);
  await page.mouse.move(0, 0); // off the button just pressed: its hover colour is not its colour
  await expectAccessible(page);

  await page.getByRole("menuitem", { name: "会员导入" }).click();
  await page.locator("input[type=file]").setInputFiles(join(import.meta.dirname, "..", "support", "members-with-errors.xlsx"));
  await expect(page.getByText("members-with-errors.xlsx")).toBeVisible();
  await page.getByRole("button", { name: "试导入（只检查）" }).click();
  await expect(page.getByRole("status")).toContainText("共 3 行，4 个错误");
  const errors = page.getByRole("table", { name: "导入错误" });
  await expect(errors.locator("tbody tr").nth(0)).toContainText(/^3身份证号'1101\*+0025' is not a valid resident ID/);
  await expect(errors.locator("tbody tr").nth(1)).toContainText("4身份证号the same resident ID is in row 2");
  await expect(errors.locator("tbody tr").nth(2)).toContainText("4手机号'1370000' is not a mainland mobile number");
  await expect(errors.locator("tbody tr").nth(3)).toContainText("4工会no unit named '不存在的工会' in your admin subtree");
  await expect(page.getByRole("button", { name: "正式导入" })).toBeDisabled();
  await page.mouse.move(0, 0);
  await expectAccessible(page);
});
