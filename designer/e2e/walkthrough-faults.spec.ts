import { expect, test } from "./support/fixtures";
import { submitJoinApplication } from "./support/join-application";

/**
 * Faults a walkthrough of the demo found, seen as their users see them: the form page logs nothing at all in the
 * console (no draft yet is not an error), and the reviewer, whose job is to call the applicant, sees the mobile
 * number and the union's name where the form holds its id.
 */
test("a form page with no draft yet logs no console error", async ({ open }) => {
  const worker = await open("worker");
  const logged: string[] = [];
  worker.on("console", message => { if (message.type() === "error") logged.push(message.text()); });
  await worker.getByRole("link", { name: /法律咨询/ }).click();
  await expect(worker.getByRole("heading", { name: "法律咨询" })).toBeVisible();
  await worker.waitForLoadState("networkidle");
  expect(logged).toEqual([]);
});

test("the reviewer sees the applicant's mobile number and the union by name", async ({ open }) => {
  const worker = await open("worker");
  const { number } = await submitJoinApplication(worker, { union: "华兴电子有限公司工会" });

  const reviewer = await open("reviewer");
  await reviewer.getByRole("link", { name: "待办", exact: true }).click();
  await reviewer.getByRole("link", { name: new RegExp(number) }).click();
  await expect(reviewer.getByLabel(/^手机号码/)).toHaveValue("13812345678");
  await expect(reviewer.getByLabel(/^所属基层工会/)).toHaveValue("华兴电子有限公司工会");
});
