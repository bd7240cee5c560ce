import { expect, expectAccessible, test } from "./support/fixtures";

/**
 * The notice template's story in the Portal: the district admin drafts a notice in the service hall, the reviewer at
 * the same union approves it from the inbox, and a worker below reads it in 资讯 (the admin sees the reader count).
 */
test("an editor drafts a notice, the reviewer at the same union approves, a worker in the subtree reads it", async ({ open }) => {
  const title = `会员日活动通知 ${Date.now()}`;
  const worker = await open("worker");
  await expect(worker.getByRole("link", { name: /发布通知/ })).toHaveCount(0);

  const editor = await open("district-admin");
  await editor.getByRole("link", { name: "服务大厅", exact: true }).click();
  await editor.getByRole("link", { name: /发布通知/ }).click();
  await editor.getByLabel(/^标题/).fill(title);
  await editor.getByLabel(/^摘要/).fill("本周六上午举行");
  await editor.getByLabel(/^正文/).fill("活动时间：周六上午九点\n地点：区职工之家");
  await expectAccessible(editor);
  await editor.getByRole("button", { name: "提交" }).click();
  await expect(editor.getByText(/已提交，办件号 /)).toBeVisible();

  const reviewer = await open("district-reviewer");
  await reviewer.getByRole("link", { name: "待办", exact: true }).click();
  await reviewer.getByRole("link", { name: new RegExp(`审核通知：${title}`) }).click();
  await expect(reviewer.getByRole("textbox", { name: "正文" })).toHaveValue(/活动时间：周六上午九点/);
  await reviewer.getByRole("button", { name: "通过", exact: true }).click();
  await expect(reviewer.getByRole("heading", { name: "待办" })).toBeVisible();

  await worker.getByRole("link", { name: "资讯", exact: true }).click();
  // The workflow's publish step runs in the background dispatcher a moment after the approval.
  await expect(async () => {
    await worker.reload();
    await expect(worker.getByRole("link", { name: new RegExp(title) })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await worker.getByRole("link", { name: new RegExp(title) }).click();
  await expect(worker.getByText("地点：区职工之家")).toBeVisible();
  await expectAccessible(worker);

  await editor.getByRole("link", { name: "资讯", exact: true }).click();
  await editor.getByRole("link", { name: new RegExp(title) }).click();
  await expect(editor.getByTestId("read-counts")).toContainText("阅读 2 人");
});
