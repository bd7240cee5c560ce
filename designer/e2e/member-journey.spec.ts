import { expect, expectAccessible, test } from "./support/fixtures";
import { submitJoinApplication } from "./support/join-application";

/**
 * The whole journey, each role on its own phone and everything through the Portal: the worker applies (a wrong
 * resident ID first, a signature drawn on the pad), the reviewer approves from the inbox, the worker sees the member
 * card, the merchant verifies the code and records uses until the quota refuses one.
 */
test("worker applies, reviewer approves, worker gets the card, merchant redeems until the quota refuses", async ({ open }) => {
  const applicant = await open("worker");
  const { number: caseNumber } = await submitJoinApplication(applicant);
  await expect(applicant.getByText("办理中")).toBeVisible();

  const reviewer = await open("reviewer");
  await reviewer.getByRole("link", { name: "待办", exact: true }).click();
  await reviewer.getByRole("link", { name: new RegExp(caseNumber) }).click();
  await expect(reviewer.getByText(caseNumber)).toBeVisible();
  await expectAccessible(reviewer);
  await reviewer.getByLabel("意见").fill("材料齐全，同意入会");
  await reviewer.getByRole("button", { name: "通过", exact: true }).click();
  await expect(reviewer.getByRole("heading", { name: "待办" })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: new RegExp(caseNumber) })).toHaveCount(0);

  const worker = await open("worker");
  await worker.getByRole("link", { name: "会员卡", exact: true }).click();
  // The card is issued by the workflow's background dispatcher a moment after the approval.
  await expect(async () => {
    await worker.reload();
    await expect(worker.getByTestId("member-number")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const qr = worker.getByRole("img", { name: /会员卡 QR/ });
  await expect(qr).toBeVisible();
  const credential = await qr.getAttribute("data-credential");
  expect(credential).toBeTruthy();
  await expectAccessible(worker);

  // At a shop counter with no network, the card still opens, with its last credential, marked offline.
  await expect.poll(() => worker.evaluate(async () => navigator.serviceWorker.controller !== null
    && (await (await caches.open("formflow-api")).match("/api/members/me/card")) !== undefined), { timeout: 30_000 }).toBe(true);
  await worker.context().setOffline(true);
  await worker.reload();
  await expect(worker.getByRole("img", { name: /会员卡 QR/ })).toBeVisible();
  await expect(worker.getByText(/^当前离线：显示的是 .* 时的内容$/)).toBeVisible();
  await worker.context().setOffline(false);

  // The worker's case shows where it went: finished, with the review in its timeline; the welcome message arrived.
  await worker.getByRole("link", { name: "我的办件" }).click();
  await worker.getByRole("link", { name: new RegExp(caseNumber) }).click();
  await expect(worker.getByText("已办结")).toBeVisible();
  await expect(worker.getByRole("heading", { name: "办理进度" })).toBeVisible();
  await expect(worker.getByText(/审核入会申请/).first()).toBeVisible();
  await worker.getByRole("link", { name: "消息" }).click();
  await expect(worker.locator(".pf-list-item").first()).toBeVisible();
  await expectAccessible(worker);

  const merchant = await open("merchant");
  // Offline, the merchant is told plainly that checking a code needs the network.
  await merchant.context().setOffline(true);
  await merchant.evaluate(() => window.dispatchEvent(new Event("offline")));
  await expect(merchant.getByRole("alert")).toHaveText("核验会员码需要联网：当前离线，联网后再核验");
  await merchant.context().setOffline(false);
  await expect(merchant.getByRole("alert")).toHaveCount(0);
  await merchant.getByLabel("或粘贴会员码").fill("forged." + credential!.slice(7));
  await merchant.getByRole("button", { name: "核验" }).last().click();
  await expect(merchant.getByRole("alert")).toContainText("会员码无效");

  await merchant.getByLabel("或粘贴会员码").fill(credential!);
  await merchant.getByRole("button", { name: "核验" }).last().click();
  const verification = merchant.getByTestId("verification");
  await expect(verification).toContainText("会员身份有效");
  await expectAccessible(merchant);
  const redeem = verification.getByRole("button", { name: "核销一次" }).first();
  for (let used = 1; used <= 50; used++) {
    await redeem.click();
    const message = merchant.getByRole("alert");
    await expect(message).toBeVisible();
    const text = await message.textContent();
    if (text?.includes("次数已用完")) {
      expect(used).toBeGreaterThan(1);
      await expect(verification).toContainText("剩余 0/");
      return;
    }
    await expect(message).toContainText("已核销");
  }
  throw new Error("the quota never refused a redemption in 50 tries");
});
