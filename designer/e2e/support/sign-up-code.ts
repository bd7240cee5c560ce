import type { Browser } from "@playwright/test";
import { expect, watch, type Watched } from "./fixtures";
import { desktop, studioSignIn } from "../studio/studio-support";

/**
 * The sign-up code sent to a mobile number, read as a demo user would: in the demo the SMS goes to the log channel,
 * which the union's admin reads at a desk on the Studio's 消息投递 page (演示通道消息). Checks the message is the
 * registration code's.
 */
export async function readSignUpCode(browser: Browser, watched: Watched, mobile: string): Promise<string> {
  const desk = await browser.newContext(desktop);
  const studio = await desk.newPage();
  await watch(studio, watched);
  await studioSignIn(studio, "district-admin");
  await studio.getByRole("menuitem", { name: "消息投递" }).click();
  await studio.getByRole("tab", { name: "演示通道消息" }).click();
  const row = studio.getByRole("row", { name: new RegExp(mobile) });
  await expect(async () => {
    await studio.getByRole("tabpanel").getByRole("button", { name: "刷新" }).click();
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText("注册验证码");
  const code = /验证码是 (\d{6})/.exec((await row.textContent()) ?? "")?.[1];
  expect(code).toMatch(/^\d{6}$/);
  await desk.close();
  return code!;
}
