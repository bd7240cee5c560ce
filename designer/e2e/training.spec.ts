import { expect, expectAccessible, test, baseUrl } from "./support/fixtures";
import { desktop, pickInSelect, studioSignIn } from "./studio/studio-support";
import type { Page } from "@playwright/test";

/**
 * The demo's skills training on a phone: the worker passes level 1 (seeing the explanation after each answer), which
 * unlocks level 2, takes the open contest against the server's countdown, and sees their rank and their union's.
 * The right answers come from the question bank as its editor (the city designer) reads it.
 */

type Key = string | string[];

async function keysByText(designer: Page): Promise<Map<string, { type: string; key: Key }>> {
  const banks = await (await designer.request.get(`${baseUrl()}/api/question-banks`)).json() as { id: number; name: string }[];
  const bank = banks.find(b => b.name === "职工安全生产与劳动合同法题库")!;
  const questions = await (await designer.request.get(`${baseUrl()}/api/question-banks/${bank.id}/questions`)).json() as { text: string; type: string; answer: Key }[];
  return new Map(questions.map(q => [q.text, { type: q.type, key: q.answer }]));
}

/** Picks the right answer of the question on screen. */
async function answerRightly(page: Page, keys: Map<string, { type: string; key: Key }>) {
  const text = (await page.locator(".pf-question-text").textContent())!;
  const { type, key } = keys.get(text)!;
  if (type === "fillIn") await page.getByRole("textbox").fill((key as string[])[0]);
  else if (type === "trueFalse") await page.getByRole("radio", { name: key === "true" ? "正确" : "错误", exact: true }).check();
  else if (type === "multiple") for (const letter of key as string[]) await page.getByRole("checkbox", { name: new RegExp(`^${letter}\\. `) }).check();
  else await page.getByRole("radio", { name: new RegExp(`^${key}\\. `) }).check();
}

test("a worker passes level 1, unlocks level 2, takes the contest and sees their rank", async ({ open }) => {
  const keys = await keysByText(await open("designer"));
  const worker = await open("worker");
  await worker.getByRole("link", { name: "学习", exact: true }).click();
  await expect(worker.getByTestId("level-2")).toContainText("未解锁");
  await expectAccessible(worker);

  await worker.getByTestId("level-1").getByRole("link", { name: "开始练习" }).click();
  await worker.getByRole("button", { name: "开始练习" }).click();
  for (let i = 1; i <= 5; i++) {
    await expect(worker.getByText(`第 ${i} / 5 题`)).toBeVisible();
    await answerRightly(worker, keys);
    await worker.getByRole("button", { name: "提交答案" }).click();
    await expect(worker.getByTestId("feedback")).toContainText("回答正确");
    await expect(worker.getByTestId("feedback")).toContainText("解析");
    if (i === 1) await expectAccessible(worker);
    await worker.getByRole("button", { name: "下一题" }).click();
  }
  await expect(worker.getByTestId("practice-result")).toContainText("恭喜过关");
  await worker.getByRole("link", { name: "返回学习" }).click();
  await expect(worker.getByTestId("level-2").getByRole("link", { name: "开始练习" })).toBeVisible();

  await worker.getByRole("link", { name: /参加竞赛|继续答题/ }).click();
  await worker.getByRole("button", { name: "开始答题" }).click();
  await expect(worker.getByTestId("countdown")).toContainText(/剩余时间 (9|10):\d\d/);
  await expectAccessible(worker);
  for (let i = 1; i <= 10; i++) {
    await expect(worker.getByText(`第 ${i} / 10 题`)).toBeVisible();
    await answerRightly(worker, keys);
    await worker.getByRole("button", { name: i < 10 ? "下一题" : "交卷" }).click();
  }
  await expect(worker.getByTestId("contest-result")).toContainText("得分 10 / 10");
  await worker.getByRole("link", { name: "排行榜" }).click();
  await expect(worker.getByTestId("my-rank")).toContainText(/我的排名：第 \d+ 名/);
  await expectAccessible(worker);
  await worker.getByRole("button", { name: "工会" }).click();
  await expect(worker.getByTestId("my-rank")).toContainText(/我的工会：第 \d+ 名/);
});

test("a worker proposes a question, the district expert accepts it, and the city bank credits the worker", async ({ open, browser }) => {
  const stem = `发现作业场所有事故隐患时应当向谁报告？（${Date.now() % 100000}）`;
  const worker = await open("worker");
  await worker.getByRole("link", { name: /职工出题/ }).click();
  await worker.getByLabel(/^题目所属专题/).fill("安全生产");
  await worker.getByRole("radio", { name: "2 较易" }).check();
  await worker.getByRole("radio", { name: "单选题" }).check();
  await worker.getByLabel(/^题干/).fill(stem);
  await worker.getByLabel(/^选项A/).fill("只告诉身边同事");
  await worker.getByLabel(/^选项B/).fill("等下班后再说");
  await worker.getByLabel(/^选项C/).fill("现场安全生产管理人员或者本单位负责人");
  await worker.getByLabel(/^选项D/).fill("不用报告");
  await worker.getByRole("radio", { name: "C", exact: true }).check();
  await worker.getByLabel(/^答案解析/).fill("《安全生产法》第五十九条：应当立即向现场安全生产管理人员或者本单位负责人报告。");
  await expectAccessible(worker);
  await worker.getByRole("button", { name: "提交" }).click();
  await expect(worker.getByText(/已提交，办件号 /)).toBeVisible();

  const expert = await open("expert");
  await expert.getByRole("link", { name: "待办", exact: true }).click();
  await expert.getByRole("link", { name: new RegExp(`职工出题审核：${stem.slice(0, 10)}`) }).first().click();
  await expect(expert.getByRole("textbox", { name: /^题干/ })).toHaveValue(stem);
  await expect(expert.getByRole("radio", { name: "C", exact: true })).toBeChecked();
  await expert.getByLabel(/^审核意见/).fill("题目准确，采纳入库");
  await expectAccessible(expert);
  await expert.getByRole("button", { name: "采纳入库", exact: true }).click();
  await expect(expert.getByRole("heading", { name: "待办" })).toBeVisible();

  await worker.getByRole("link", { name: "会员卡", exact: true }).click();
  await expect(async () => {
    await worker.reload();
    await expect(worker.getByTestId("points-lines")).toContainText(`+20 出题被采纳：${stem.slice(0, 20)}`, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  const studio = await (await browser.newContext(desktop)).newPage();
  await studioSignIn(studio, "designer");
  await studio.getByRole("menuitem", { name: "题库" }).click();
  await pickInSelect(studio, studio.getByLabel("选择题库"), "职工征集题库 · 某市总工会 (1)");
  const row = studio.getByRole("table", { name: "题目" }).locator("tbody tr", { hasText: stem });
  await expect(row).toContainText("刘洋");
  await expect(row).toContainText("C");
  await studio.context().close();
});
