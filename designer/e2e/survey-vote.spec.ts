import { baseUrl, expect, expectAccessible, test } from "./support/fixtures";

/**
 * A survey and a vote on a phone: the worker answers the needs survey and sees its results as bars; votes once in
 * the secret ballot, sees that results come after the vote closes, and a second vote is refused.
 */
test("a worker answers the needs survey and sees its results", async ({ open }) => {
  const page = await open("worker");
  await page.getByRole("link", { name: /职工需求微调查/ }).click();
  await page.getByRole("checkbox", { name: "技能培训" }).check();
  await page.getByRole("checkbox", { name: "健康体检" }).check();
  await page.getByRole("radio", { name: "一线生产" }).check();
  await page.getByRole("button", { name: "4 星" }).click();
  await page.getByLabel(/每周大约加班/).fill("10");
  await page.getByLabel(/意见和建议/).fill("希望增加夜班职工的健康体检");
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交" }).click();

  await expect(page).toHaveURL(/\/services\/\d+\/results\?answered=1$/);
  await expect(page.getByText("已提交，感谢您的参与")).toBeVisible();
  const results = page.getByTestId("results");
  await expect(results).toContainText(/共 \d+ 份/);
  await expect(results.locator(".pf-bar-row", { hasText: "技能培训" })).toBeVisible();
  await expect(results).toContainText("希望增加夜班职工的健康体检");
  await expectAccessible(page);

  await page.getByRole("button", { name: "返回" }).click();
  await page.getByRole("link", { name: /职工需求微调查/ }).click();
  await expect(page.getByTestId("response-notice")).toContainText("您已参与过");
  await expect(page.getByRole("button", { name: "提交" })).toHaveCount(0);
});

test("a worker votes once in the secret ballot and a second vote is refused", async ({ open }) => {
  const page = await open("worker");
  await page.getByRole("link", { name: /职工代表选举/ }).click();
  await expect(page.getByTestId("response-notice")).toContainText("无记名投票");
  await expect(page.getByRole("img", { name: "王敏" })).toBeVisible();
  await page.getByRole("checkbox", { name: "王敏" }).check();
  await page.getByRole("checkbox", { name: "赵丽" }).check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交" }).click();

  await expect(page).toHaveURL(/\/services\/\d+\/results\?answered=1$/);
  await expect(page.getByText("已提交，感谢您的参与")).toBeVisible();
  await expect(page.getByText("结果将在截止后公布")).toBeVisible();
  const serviceId = /\/services\/(\d+)\//.exec(page.url())![1];

  await page.getByRole("button", { name: "返回" }).click();
  await page.getByRole("link", { name: /职工代表选举/ }).click();
  await expect(page.getByTestId("response-notice")).toContainText("您已参与过");
  await expect(page.getByRole("button", { name: "提交" })).toHaveCount(0);

  const again = await page.request.post(`${baseUrl()}/api/services/${serviceId}/responses`, { data: { data: { candidates: ["lijun"] } } });
  expect(again.status()).toBe(409);
  expect((await again.json()).rule).toBe("responseLimit");
});
