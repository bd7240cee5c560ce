import { readFile } from "node:fs/promises";
import { expect, expectAccessible, test } from "../support/fixtures";
import { desktop, pickInSelect, studioSignIn } from "./studio-support";

test.use(desktop);

/** A district leader (李伟, 东城区总工会) builds a report of their grassroots unions, saves it on a schedule, exports it, and finds it again after a reload. */
test("a leader builds, previews, saves, schedules and exports a report and sees it again after a reload", async ({ page }) => {
  await studioSignIn(page, "district-admin");
  await page.getByRole("menuitem", { name: "我的报表" }).click();
  const form = page.locator(".ff-report-form");
  await expect(form.getByLabel("报表名称")).toBeVisible();
  await expectAccessible(page);

  const name = `东城基层收件 ${Date.now()}`;
  await form.getByLabel("报表名称").fill(name);
  await pickInSelect(page, form.getByLabel("指标"), "逾期办理");
  await page.keyboard.press("Escape");
  await pickInSelect(page, form.getByLabel("单位层级"), "基层工会");

  // Preview: a row per grassroots union of 东城区 (never 西湖区's), then the totals.
  const previewed = page.waitForResponse((r) => r.url().endsWith("/api/stats/reports/preview") && r.status() === 200);
  await page.getByRole("button", { name: "预览" }).click();
  const table = (await (await previewed).json()) as { rows: { labels: string[] }[]; columns: { title: string }[] };
  const shown = page.locator(".ff-report-table");
  await expect(shown.getByRole("columnheader", { name: "逾期办理" })).toBeVisible();
  await expect(shown.locator("tbody tr.ant-table-row")).toHaveCount(table.rows.length + 1);
  await expect(shown.getByRole("cell", { name: "华兴电子有限公司工会" })).toBeVisible();
  await expect(shown).not.toContainText("西湖区");
  await expect(shown.locator("tbody tr.ant-table-row").last()).toContainText("合计");

  // Saved on a schedule: Mondays at 08:00.
  await pickInSelect(page, form.getByLabel("定时发送"), "每周");
  await pickInSelect(page, form.getByLabel("星期"), "星期一");
  await page.getByRole("button", { name: "保存" }).click();
  const list = page.locator(".ff-report-list");
  await expect(list.getByRole("button", { name })).toBeVisible();
  await expect(list.locator("tr", { hasText: name })).toContainText("每周 星期一 08:00");
  await page.mouse.move(0, 0); // off the button just pressed: its hover colour is not its colour
  await expectAccessible(page);

  // Exported: the xlsx downloads.
  const [download] = await Promise.all([page.waitForEvent("download"), list.getByRole("link", { name: `导出 Excel: ${name}` }).click()]);
  expect(download.suggestedFilename()).toMatch(/^formflow-report-\d+-\d{8}\.xlsx$/);
  expect((await readFile((await download.path())!)).subarray(0, 2).toString()).toBe("PK");

  // After a reload it is still there, and opens with its table.
  await page.reload();
  await page.getByRole("menuitem", { name: "我的报表" }).click();
  await list.getByRole("button", { name }).click();
  await expect(form.getByLabel("报表名称")).toHaveValue(name);
  await expect(shown.getByRole("cell", { name: "华兴电子有限公司工会" })).toBeVisible();
  await page.mouse.move(0, 0);
  await expectAccessible(page);
});
