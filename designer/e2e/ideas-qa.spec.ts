import { expect, expectAccessible, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

/**
 * The golden-ideas and Q&A templates' stories in the Portal on a phone: a worker submits an idea, the grassroots
 * reviewer passes it, the district expert adopts it, and the worker sees the points on the card page and the idea in
 * the showcase; a worker asks, the expert answers for the FAQ, and the worker finds the answer by searching 资讯.
 */

/** The workflow's points, publish and notify steps run in the background dispatcher a moment after the task. */
async function eventually(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000 });
}

async function openTask(handler: Page, title: RegExp) {
  await handler.getByRole("link", { name: "待办", exact: true }).click();
  await handler.getByRole("link", { name: title }).click();
}

test("a worker's idea is passed, adopted, earns 50 points and is shown in the showcase", async ({ open }) => {
  const title = `车间照明改感应灯${Date.now() % 100000}`;
  const worker = await open("worker");
  const hall = worker.locator(".pf-group", { has: worker.getByRole("heading", { name: "参与互动" }) });
  await hall.getByRole("link", { name: /金点子征集/ }).click();
  await worker.getByLabel(/^金点子名称/).fill(title);
  await worker.getByRole("radio", { name: "节能降耗" }).check();
  await worker.getByLabel(/^现状与问题/).fill("车间走廊常年整夜开灯，电费很高。");
  await worker.getByLabel(/^建议内容/).fill("把走廊和仓库的照明改成人体感应灯，无人时自动熄灭，预计一年节电三成。");
  await worker.getByLabel(/^姓名/).fill("王建国");
  await worker.getByLabel(/^手机号码/).fill("13912345678");
  await expectAccessible(worker);
  // The form's second page (the handlers' replies) shows only once answered, so the worker gets no pager at all.
  await expect(worker.getByText(/第 1 页/)).toHaveCount(0);
  await worker.getByRole("button", { name: "提交" }).click();
  await expect(worker.getByText(/已提交，办件号 /)).toBeVisible();

  const reviewer = await open("reviewer");
  await openTask(reviewer, new RegExp(`金点子初审：${title}`));
  await expect(reviewer.getByRole("textbox", { name: /^姓名/ })).toHaveValue("王建国");
  await reviewer.getByLabel(/^初审意见/).fill("建议可行，报区总工会评审");
  await expectAccessible(reviewer);
  await reviewer.getByRole("button", { name: "通过初审", exact: true }).click();
  await expect(reviewer.getByRole("heading", { name: "待办" })).toBeVisible();

  const expert = await open("expert");
  await openTask(expert, new RegExp(`金点子评审：${title}`));
  await expect(expert.getByRole("textbox", { name: /^建议内容/ })).toHaveValue(/人体感应灯/);
  await expect(expert.getByText("王建国")).toHaveCount(0);
  await expect(expert.getByText(/刘洋/)).toHaveCount(0);
  await expect(expert.getByText(/5678/)).toHaveCount(0);
  await expert.getByRole("button", { name: "5 星" }).click();
  await expert.getByLabel(/^评审意见/).fill("节能效果明显，建议全区推广");
  await expectAccessible(expert);
  await expert.getByRole("button", { name: "采纳", exact: true }).click();
  await expect(expert.getByRole("heading", { name: "待办" })).toBeVisible();

  await worker.getByRole("link", { name: "会员卡", exact: true }).click();
  await eventually(worker, () => expect(worker.getByTestId("points-lines")).toContainText(`+50 金点子被采纳：${title}`, { timeout: 2_000 }));
  await expect(worker.getByRole("heading", { name: /我的积分/ })).toBeVisible();
  await expectAccessible(worker);

  await worker.getByRole("link", { name: "资讯", exact: true }).click();
  await worker.getByRole("button", { name: "成果展示" }).click();
  await expect(worker.getByRole("button", { name: "成果展示" })).toHaveAttribute("aria-pressed", "true");
  await expect(worker.getByRole("link", { name: new RegExp(title) })).toBeVisible();
  await worker.getByRole("link", { name: new RegExp(title) }).click();
  await expect(worker.getByText(/节能效果明显/)).toBeVisible();
  await expectAccessible(worker);
});

test("a worker asks, the expert answers for the FAQ, and the worker finds it by searching 资讯", async ({ open }) => {
  const question = `夜班补贴${Date.now() % 100000}元是否要计入加班工资基数？`;
  const worker = await open("worker");
  await worker.getByRole("link", { name: /职工问答/ }).click();
  await worker.getByRole("radio", { name: "工资福利" }).check();
  await worker.getByRole("textbox", { name: /^问题/ }).fill(question);
  await worker.getByLabel(/^称呼/).fill("赵女士");
  await worker.getByRole("checkbox", { name: /同意隐去我的信息后公开到常见问题/ }).check();
  await expectAccessible(worker);
  // The form's second page (the handlers' replies) shows only once answered, so the worker gets no pager at all.
  await expect(worker.getByText(/第 1 页/)).toHaveCount(0);
  await worker.getByRole("button", { name: "提交" }).click();
  await expect(worker.getByText(/已提交，办件号 /)).toBeVisible();

  const expert = await open("expert");
  await openTask(expert, /职工问答：夜班补贴/);
  await expect(expert.getByRole("textbox", { name: /^问题/ })).toHaveValue(question);
  await expert.getByLabel(/^答复内容/).fill("夜班补贴属于工资组成部分，应当计入加班工资的计算基数。");
  await expectAccessible(expert);
  await expert.getByRole("button", { name: "已答复并发布到常见问题", exact: true }).click();
  await expect(expert.getByRole("heading", { name: "待办" })).toBeVisible();

  await worker.getByRole("link", { name: "资讯", exact: true }).click();
  await worker.getByRole("button", { name: "常见问题" }).click();
  await eventually(worker, async () => {
    await worker.getByLabel("搜索资讯").fill("夜班补贴");
    await worker.getByLabel("搜索资讯").press("Enter");
    await expect(worker.getByRole("link", { name: new RegExp(question.slice(0, 10)) })).toBeVisible({ timeout: 2_000 });
  });
  await worker.getByRole("link", { name: new RegExp(question.slice(0, 10)) }).click();
  await expect(worker.getByText(/应当计入加班工资的计算基数/)).toBeVisible();
  await expect(worker.getByText("赵女士")).toHaveCount(0);
  await expectAccessible(worker);
});
