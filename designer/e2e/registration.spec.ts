import { baseUrl, expect, expectAccessible, test } from "./support/fixtures";
import { submitJoinApplication } from "./support/join-application";
import { readSignUpCode } from "./support/sign-up-code";

/**
 * A new worker signs up on a phone: 注册 from the sign-in page, the union, the mobile number, 获取验证码 (the button
 * counts down), the code (in the demo the SMS goes to the log channel: the union's admin reads it on the Studio's
 * 消息投递 page, as a demo user would), name and password; signed in, they apply to join the union.
 */
test("a new worker registers with the SMS code the admin reads on the log channel, then applies to join", async ({ page, browser, watched }) => {
  const mobile = "13912345678";
  await page.goto(`${baseUrl()}/`);
  await page.getByRole("link", { name: "注册" }).click();
  await expect(page.getByRole("heading", { name: "新用户注册" })).toBeVisible();
  await page.getByLabel("所在工会").selectOption({ label: "某市总工会 / 东城区总工会 / 和平街道总工会 / 华兴电子有限公司工会" });
  await page.getByLabel("手机号").fill(mobile);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("status")).toHaveText("验证码已发送，5 分钟内有效");
  await expect(page.getByRole("button", { name: /秒后可重发/ })).toBeDisabled();
  await expectAccessible(page);

  // In the demo the code goes to the log channel; the union's admin reads it in the Studio.
  const code = await readSignUpCode(browser, watched, mobile);

  await page.getByLabel("验证码").fill(code);
  await page.getByLabel("姓名").fill("周新");
  await page.getByLabel("密码", { exact: true }).fill("Register-2026!");
  await page.getByRole("button", { name: "注册并登录" }).click();
  await expect(page.getByRole("navigation")).toBeVisible();
  await expect(page.locator(".pf-who")).toHaveText("周新");

  const { number } = await submitJoinApplication(page);
  expect(number).not.toBe("");
});
