import { expect, expectAccessible, test, baseUrl } from "../support/fixtures";
import { desktop, studioSignIn } from "./studio-support";

test.use(desktop);

/**
 * The live contest monitor (竞赛监控): the city designer watches the demo contest — its seeded leaderboard's top ten
 * already there — while a worker, in another browser context, starts an attempt and answers on the Portal; the
 * monitor's figures go up by themselves (it reads the contest again every few seconds).
 */
test("the designer watches the demo contest while a worker answers, and the monitor's counts go up", async ({ page, open }) => {
  await studioSignIn(page, "designer");
  await page.getByRole("menuitem", { name: "竞赛监控" }).click();
  await expect(page.getByText("全市职工安全生产与劳动法知识竞赛 · 某市总工会 · 进行中").first()).toBeVisible();   // the open contest, chosen
  const answers = page.getByTestId("monitor-answers"), participants = page.getByTestId("monitor-participants"), open_ = page.getByTestId("monitor-open");
  await expect(answers).toHaveText(/^\d+$/);
  const before = { answers: Number(await answers.textContent()), participants: Number(await participants.textContent()), open: Number(await open_.textContent()) };
  expect(before.participants).toBeGreaterThanOrEqual(18);                  // the demo's seeded contestants
  await expect(page.getByRole("table", { name: "个人前十" }).locator("tbody tr")).toHaveCount(10);
  await expect(page.getByRole("table", { name: "工会前十" }).locator("tbody tr")).toHaveCount(4);
  await expectAccessible(page);

  const worker = await open("worker");
  await worker.getByRole("link", { name: "学习", exact: true }).click();
  await worker.getByRole("link", { name: /参加竞赛|继续答题/ }).click();
  await worker.getByRole("button", { name: "开始答题" }).click();
  await expect(worker.getByText("第 1 / 10 题")).toBeVisible();
  await expect(open_).toHaveText(String(before.open + 1));
  const fill = worker.getByRole("textbox");
  if (await fill.count()) await fill.fill("不知道");
  else await worker.getByRole("radio").or(worker.getByRole("checkbox")).first().check();
  await worker.getByRole("button", { name: "下一题" }).click();
  await expect(worker.getByText("第 2 / 10 题")).toBeVisible();

  await expect(answers).toHaveText(String(before.answers + 1));
  await expect(page.getByTestId("monitor-recent")).not.toHaveText("0");
  if (before.participants < 19) await expect(participants).toHaveText(String(before.participants + 1));

  // Hand in, so the worker's contest is not left open for the specs after this one.
  const contests = await (await worker.request.get(`${baseUrl()}/api/contests`)).json() as { title: string; openAttemptId: number | null }[];
  const attempt = contests.find((c) => c.title === "全市职工安全生产与劳动法知识竞赛")!.openAttemptId;
  expect((await worker.request.post(`${baseUrl()}/api/attempts/${attempt}/finish`)).status()).toBe(200);
  await expect(open_).toHaveText(String(before.open));
});
