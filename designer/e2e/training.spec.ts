import { expect, expectAccessible, test, baseUrl } from "./support/fixtures";
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
