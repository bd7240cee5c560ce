import type { Page } from "@playwright/test";
import { baseUrl, expect } from "./fixtures";

/**
 * A new worker signs up on a phone from the sign-in page: 注册, the union as the list names it, the mobile number,
 * 获取验证码, then the code (read by `codeFor` wherever the SMS went), name and password; 注册并登录 signs them in.
 */
export async function registerWorker(page: Page, worker: { union: string; mobile: string; name: string; password?: string; codeFor(mobile: string): Promise<string> }): Promise<void> {
  await page.goto(`${baseUrl()}/`);
  await page.getByRole("link", { name: "注册" }).click();
  await page.getByLabel("所在工会").selectOption({ label: worker.union });
  await page.getByLabel("手机号").fill(worker.mobile);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("status")).toHaveText("验证码已发送，5 分钟内有效");
  await page.getByLabel("验证码").fill(await worker.codeFor(worker.mobile));
  await page.getByLabel("姓名").fill(worker.name);
  await page.getByLabel("密码", { exact: true }).fill(worker.password ?? "Register-2026!");
  await page.getByRole("button", { name: "注册并登录" }).click();
  await expect(page.locator(".pf-who")).toHaveText(worker.name);
}
