import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/**
 * Opens 会员卡 and waits for the card, which the workflow's background dispatcher issues a moment after the approval;
 * returns the credential its QR code carries.
 */
export async function cardCredential(page: Page): Promise<string> {
  await page.getByRole("link", { name: "会员卡", exact: true }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("member-number")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const credential = await page.getByRole("img", { name: /会员卡 QR/ }).getAttribute("data-credential");
  expect(credential).toBeTruthy();
  return credential!;
}

/** The merchant pastes a member's code and checks it; returns the verification with its benefits. */
export async function verifyAtCounter(merchant: Page, credential: string): Promise<Locator> {
  await merchant.getByLabel("或粘贴会员码").fill(credential);
  await merchant.getByRole("button", { name: "核验" }).last().click();
  const verification = merchant.getByTestId("verification");
  await expect(verification).toContainText("会员身份有效");
  return verification;
}
