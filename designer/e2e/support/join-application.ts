import type { Page } from "@playwright/test";
import { expect, expectAccessible } from "./fixtures";

/** A small real PDF and PNG, as a worker's phone would pick them. */
export const pdfFile = { name: "劳动合同.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n") };

/**
 * The worker fills in the join application in the browser as a new user would: a wrong resident ID first (the
 * field names the expected check character), fixed; the second page's declaration and a signature drawn on the pad
 * and saved (uploaded as a PNG); then submits. `proof` attaches the employment proof on the first page; `union`
 * picks the grassroots union by its name as the list shows it.
 * Returns the case number the Portal shows after submitting.
 */
export async function submitJoinApplication(page: Page, { proof = false, union = "" } = {}): Promise<{ number: string; id: string }> {
  await page.getByRole("link", { name: /入会申请/ }).click();
  await expect(page.getByRole("heading", { name: "入会申请" })).toBeVisible();
  await expect(page.getByText("第 1 页，共 2 页")).toBeVisible();

  await page.getByLabel(/^姓名/).fill("刘洋");
  const id = page.getByLabel(/^居民身份证号码/);
  const idField = page.locator(".ff-field", { has: id });
  // A draft restored from an earlier visit may hold an ID already: start the field afresh.
  await id.fill("");
  await id.fill("110105194912310025");
  await expect(idField.getByText("身份证号校验位不符（应为 X）")).toBeVisible();
  await expect(idField.getByRole("alert")).toHaveText("居民身份证号码不正确");
  await id.fill("11010519491231002X");
  await expect(page.getByText("身份证号校验通过")).toBeVisible();
  await expect(idField.getByRole("alert")).toHaveCount(0);
  // Calculated from the ID by the same rules the server runs.
  await expect(page.getByLabel(/^出生日期/)).toHaveValue("1949-12-31");

  await page.getByLabel(/^手机号码/).fill("13812345678");
  await page.getByLabel("省份", { exact: true }).selectOption({ label: "北京市" });
  await page.getByLabel("城市", { exact: true }).selectOption({ label: "北京市" });
  await page.getByLabel("区县", { exact: true }).selectOption({ label: "朝阳区" });
  await page.getByLabel(/^工作单位/).first().fill("华兴电子有限公司");
  await page.getByRole("radio", { name: "全日制", exact: true }).check();
  if (union) await page.getByLabel(/^所属基层工会/).selectOption({ label: union });
  if (proof) {
    await page.getByLabel(/^劳动合同或在职证明/).setInputFiles(pdfFile);
    await expect(page.getByRole("link", { name: pdfFile.name })).toBeVisible();
  }
  await page.getByRole("button", { name: "下一步" }).click();

  await expect(page.getByText("第 2 页，共 2 页")).toBeVisible();
  await page.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
  await sign(page);
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交" }).click();

  const notice = page.getByText(/已提交，办件号 /);
  await expect(notice).toBeVisible();
  const number = (await notice.textContent())!.replace(/.*已提交，办件号 /, "").trim();
  const caseId = new URL(page.url()).pathname.split("/").pop()!;
  return { number, id: caseId };
}

/** Draws a stroke on the signature pad with the finger's pointer and saves it; the stored signature is shown. */
export async function sign(page: Page): Promise<void> {
  const pad = page.getByRole("img", { name: "请在此处签名" });
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + box.width * (0.2 + i * 0.07), box.y + box.height * (0.6 - (i % 2) * 0.2));
  await page.mouse.up();
  await page.getByRole("button", { name: "保存签名" }).click();
  const saved = page.getByRole("img", { name: "已保存的签名" });
  await expect(saved).toBeVisible();
  // The picture really comes back from the server (a broken image has no natural width).
  await expect.poll(() => saved.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
}

/** A 1×1 PNG, as a photo. */
export const pngFile = {
  name: "照片.png", mimeType: "image/png",
  buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
};

/**
 * The reviewer opens the application from 待办, sees the mobile number unmasked (the review step's job is to call
 * the applicant: submitJoinApplication gives 13812345678), and approves; the task leaves the inbox.
 */
export async function approveAfterCalling(reviewer: Page, number: string): Promise<void> {
  await reviewer.getByRole("link", { name: "待办", exact: true }).click();
  await reviewer.getByRole("link", { name: new RegExp(number) }).click();
  await expect(reviewer.getByLabel(/^手机号码/)).toHaveValue("13812345678");
  await expectAccessible(reviewer);
  await reviewer.getByLabel("意见").fill("已电话联系，同意入会");
  await reviewer.getByRole("button", { name: "通过", exact: true }).click();
  await expect(reviewer.getByRole("link", { name: new RegExp(number) })).toHaveCount(0);
}
