import { expect, expectAccessible, test } from "./support/fixtures";
import { pngFile } from "./support/join-application";

/**
 * The join form's uploads on a phone: a "PDF" that is not one is refused by the server and the field says why; a
 * photo is uploaded and shown from the server; without a signature, submitting stops at the signature field.
 * (member-journey.spec.ts fills and submits the whole form.)
 */
test("the join form names a refused upload at its field, shows an uploaded photo and asks for the signature", async ({ open }) => {
  const page = await open("worker");
  await page.getByRole("link", { name: /入会申请/ }).click();
  await expect(page.getByText("第 1 页，共 2 页")).toBeVisible();

  const proof = page.getByLabel(/^劳动合同或在职证明/);
  const proofField = page.locator(".ff-field", { has: proof });
  await proof.setInputFiles({ name: "合同.pdf", mimeType: "application/pdf", buffer: Buffer.from("this is not a PDF") });
  await expect(proofField.getByRole("alert")).toHaveText("“合同.pdf”上传失败：不支持这种文件类型");
  await expect(proofField.getByRole("link")).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel(/^姓名/).fill("刘洋");
  await page.getByLabel(/^居民身份证号码/).fill("11010519491231002X");
  await page.getByLabel(/^手机号码/).fill("13812345678");
  await page.getByLabel("省份", { exact: true }).selectOption({ label: "北京市" });
  await page.getByLabel("城市", { exact: true }).selectOption({ label: "北京市" });
  await page.getByLabel("区县", { exact: true }).selectOption({ label: "朝阳区" });
  await page.getByLabel(/^工作单位/).first().fill("华兴电子有限公司");
  await page.getByRole("radio", { name: "全日制", exact: true }).check();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByText("第 2 页，共 2 页")).toBeVisible();

  await page.getByLabel(/^免冠照片/).setInputFiles(pngFile);
  const photo = page.getByRole("img", { name: pngFile.name });
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBe(1);
  await expect(photo).toHaveAttribute("src", /^\/api\/files\/[0-9a-f]{32}$/);
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
  await page.getByRole("button", { name: "提交" }).click();
  const signature = page.locator(".ff-field", { has: page.getByRole("img", { name: "请在此处签名" }) });
  await expect(signature.getByRole("alert")).toBeVisible();
});
