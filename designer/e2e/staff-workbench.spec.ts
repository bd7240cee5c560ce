import { readFile } from "node:fs/promises";
import { expect, expectAccessible, test } from "./support/fixtures";
import { submitJoinApplication } from "./support/join-application";

/**
 * The staff workbench: a reviewer finds a worker's join application by its number in the paged case list, claims
 * its task in the inbox (the claim shows who holds it), reads a masked personal field in full after giving a
 * reason, and exports the list to Excel.
 */
test("a reviewer finds a case by number, claims its task and exports the list", async ({ open }) => {
  const applicant = await open("worker");
  const { number } = await submitJoinApplication(applicant);

  const reviewer = await open("reviewer");
  await reviewer.getByRole("link", { name: "案件", exact: true }).click();
  await expect(reviewer.getByRole("heading", { name: "案件" })).toBeVisible();
  await reviewer.getByLabel("案件编号").fill(number);
  await reviewer.getByRole("button", { name: "查询" }).click();
  const found = reviewer.getByRole("link", { name: new RegExp(number) });
  await expect(found).toHaveCount(1);
  await expect(reviewer.locator(".pf-list-item")).toHaveCount(1);
  await expectAccessible(reviewer);

  const downloading = reviewer.waitForEvent("download");
  await reviewer.getByRole("link", { name: "导出 Excel" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^cases-\d{8}-\d{4}\.xlsx$/);
  const file = await readFile((await download.path())!);
  expect(file.subarray(0, 2).toString()).toBe("PK");
  // The workbook is zipped: the applicant's plain mobile number never appears in the sheet's text.
  expect(file.includes(Buffer.from("13812345678"))).toBe(false);

  await reviewer.getByRole("link", { name: "待办", exact: true }).click();
  const task = reviewer.locator(".pf-task", { hasText: number });
  await task.getByRole("button", { name: "认领" }).click();
  await expect(task.getByText("张敏 已认领")).toBeVisible();
  await expect(task.getByRole("button", { name: "释放" })).toBeVisible();
  await reviewer.getByRole("button", { name: "我认领的" }).click();
  await expect(reviewer.locator(".pf-task", { hasText: number })).toHaveCount(1);
  await expectAccessible(reviewer);

  await reviewer.locator(".pf-task", { hasText: number }).getByRole("link").click();
  await expect(reviewer.getByText("张敏 已认领")).toBeVisible();
  // The review step shows the birth date masked: the full value needs a reason, which the audit log keeps.
  await expect(reviewer.getByRole("definition").filter({ hasText: "1949-12-31" })).toHaveCount(0);
  await reviewer.getByRole("button", { name: "查看完整信息" }).click();
  await expect(reviewer.getByRole("button", { name: "查看", exact: true })).toBeDisabled();
  await reviewer.getByLabel(/查看原因/).fill("核对身份");
  await reviewer.getByRole("button", { name: "查看", exact: true }).click();
  await expect(reviewer.getByRole("definition").filter({ hasText: "1949-12-31" })).toBeVisible();
  await expectAccessible(reviewer);
});

/** A reviewer going on leave names a colleague to stand in, on the 我的 page, and ends the absence again. */
test("a reviewer sets a stand-in for an absence and ends it", async ({ open }) => {
  const reviewer = await open("reviewer");
  await reviewer.getByRole("link", { name: "我的", exact: true }).click();
  const card = reviewer.getByRole("group", { name: "休假代理" });
  await card.getByLabel("代理人").selectOption({ label: "赵丽" });
  await card.getByLabel("开始时间").fill("2030-05-01T09:00");
  await card.getByLabel("结束时间").fill("2030-04-01T09:00");
  await card.getByRole("button", { name: "保存代理" }).click();
  await expect(card.getByRole("alert")).toContainText("until must be after from");
  await card.getByLabel("结束时间").fill("2030-05-08T18:00");
  await card.getByRole("button", { name: "保存代理" }).click();
  await expect(card.getByText(/赵丽 将从 .* 起代理您的待办/)).toBeVisible();
  await expectAccessible(reviewer);
  await card.getByRole("button", { name: "结束代理" }).click();
  await expect(card.getByText(/赵丽 将从/)).toHaveCount(0);
});
