import { expect, expectAccessible, test } from "./support/fixtures";
import { pdfFile, submitJoinApplication } from "./support/join-application";

/**
 * The reviewer returns an application without the employment proof for more information; the worker finds the
 * request on the case page, uploads the proof and sends the application again; the reviewer gets it back with the
 * proof readable.
 */
test("a case returned for information is answered with an upload and resubmitted by the worker", async ({ open }) => {
  const applicant = await open("worker");
  const { number } = await submitJoinApplication(applicant);

  const reviewer = await open("reviewer");
  await reviewer.getByRole("link", { name: "待办", exact: true }).click();
  await reviewer.getByRole("link", { name: new RegExp(number) }).click();
  await reviewer.getByLabel("意见").fill("请补充劳动合同");
  await reviewer.getByRole("button", { name: "退回补充材料" }).click();
  await expect(reviewer.getByRole("heading", { name: "待办" })).toBeVisible();

  const worker = await open("worker");
  await worker.getByRole("link", { name: "我的办件" }).click();
  await worker.getByRole("link", { name: new RegExp(number) }).click();
  await expect(worker.getByText("待补充材料").first()).toBeVisible();
  await expect(worker.getByRole("heading", { name: "需要补充信息" })).toBeVisible();
  await expectAccessible(worker);
  await worker.getByLabel(/^劳动合同或在职证明/).setInputFiles(pdfFile);
  await expect(worker.getByRole("link", { name: pdfFile.name })).toBeVisible();
  await worker.getByRole("button", { name: "重新提交" }).click();
  await expect(worker.getByRole("heading", { name: "需要补充信息" })).toHaveCount(0);
  await expect(worker.getByText("办理中").first()).toBeVisible();

  await reviewer.reload();
  await reviewer.getByRole("link", { name: new RegExp(number) }).click();
  const proof = reviewer.getByRole("link", { name: pdfFile.name });
  await expect(proof).toBeVisible();
  const download = await reviewer.request.get(new URL((await proof.getAttribute("href"))!, reviewer.url()).toString());
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString()).toBe("%PDF-");
});
