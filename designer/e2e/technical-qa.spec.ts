import { expect, expectAccessible, test } from "./support/fixtures";

/**
 * 技术问答 in the Portal on a phone: the city's keyed derivation of 职工问答, a service of its own beside it. A worker
 * asks a welding question, the district expert answers it, and — the worker having consented — the answer reaches
 * the FAQ even though the expert chose plain 已答复 (the technical Q&A publishes every consented answer).
 */
test("a worker asks a technical question, the expert answers it, and it reaches the FAQ", async ({ open }) => {
  const question = `薄板焊接${Date.now() % 100000}号工件总是烧穿，电流电压怎么调？`;
  const worker = await open("worker");
  await expect(worker.getByRole("link", { name: /职工问答/ })).toBeVisible();
  await worker.getByRole("link", { name: /技术问答/ }).click();
  await worker.getByRole("radio", { name: "焊工" }).check();
  await worker.getByLabel(/^涉及的设备或工序/).fill("CO2气体保护焊机");
  await worker.getByRole("textbox", { name: /^技术问题/ }).fill(question);
  await worker.getByLabel(/^称呼/).fill("王师傅");
  await worker.getByRole("checkbox", { name: /同意隐去我的信息后公开到常见问题/ }).check();
  await expectAccessible(worker);
  await worker.getByRole("button", { name: "提交" }).click();
  await expect(worker.getByText(/已提交，办件号 /)).toBeVisible();

  const expert = await open("expert");
  await expert.getByRole("link", { name: "待办", exact: true }).click();
  await expert.getByRole("link", { name: /技术问答：薄板焊接/ }).click();
  await expect(expert.getByLabel(/^涉及的设备或工序/)).toHaveValue("CO2气体保护焊机");
  await expert.getByLabel(/^答复内容/).fill("降低电流、加快焊速，采用断续焊，薄板下加铜垫板散热。");
  await expectAccessible(expert);
  await expert.getByRole("button", { name: "已答复", exact: true }).click();
  await expect(expert.getByRole("heading", { name: "待办" })).toBeVisible();

  await worker.getByRole("link", { name: "资讯", exact: true }).click();
  await worker.getByRole("button", { name: "常见问题" }).click();
  await expect(async () => {
    await worker.reload();
    await worker.getByLabel("搜索资讯").fill("薄板焊接");
    await worker.getByLabel("搜索资讯").press("Enter");
    await expect(worker.getByRole("link", { name: new RegExp(question.slice(0, 10)) })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await worker.getByRole("link", { name: new RegExp(question.slice(0, 10)) }).click();
  await expect(worker.getByText(/铜垫板散热/)).toBeVisible();
  await expect(worker.getByText("王师傅")).toHaveCount(0);
  await expectAccessible(worker);
});
