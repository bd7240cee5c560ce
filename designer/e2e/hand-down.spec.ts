import { expect, expectAccessible, test } from "./support/fixtures";
import { answerAtStreet, askLegalQuestion, daysFromToday, followToTheEnd, handDown, streetLawyers, streetPassword } from "./support/hand-down";

/**
 * A case handed down: 东城区's lawyer hands a worker's legal question down to 和平街道 with a reason and a deadline;
 * 和平街道's lawyer finds it in the inbox and answers it, 建设街道's lawyer never sees it, and the worker follows the
 * case on the phone to its end.
 */
test("东城区 hands a legal question down to 和平街道, whose lawyer answers it; 建设街道 never sees it; the worker follows it to the end", async ({ open }) => {
  const { heping, jianshe } = await streetLawyers();
  const worker = await open("worker");
  const number = await askLegalQuestion(worker);

  const reason = "申请人在和平街道辖区，请街道法律服务站跟进";
  const deadline = daysFromToday(5);
  await handDown(await open("lawyer"), number, "和平街道总工会", reason, deadline);

  const other = await open(jianshe, streetPassword);
  await other.getByRole("link", { name: "待办", exact: true }).click();
  await expect(other.getByRole("heading", { name: "待办" })).toBeVisible();
  await expect(other.getByRole("link", { name: new RegExp(number) })).toHaveCount(0);
  await expectAccessible(other);

  await answerAtStreet(await open(heping, streetPassword), number, "和平街道总工会", "未签书面劳动合同满一个月的，可要求用人单位支付二倍工资，请保留工资流水等证据。");
  await followToTheEnd(worker, number, "和平街道总工会", reason, deadline);
});
