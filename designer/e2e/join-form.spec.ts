import { expect, expectAccessible, test } from "./support/fixtures";

/**
 * A worker fills in the join application on a phone: a wrong resident ID first (the check character is named and
 * the field shows the runtime's error), fixed; calculated fields follow; two pages with progress. The form needs a
 * signature, which needs a file upload endpoint the server does not have yet: the page says so, and submitting
 * stops at that field instead of bouncing off the server.
 */
test("the join form catches a wrong resident ID at the field and names what blocks submission", async ({ open }) => {
  const page = await open("worker");
  await page.getByRole("link", { name: /入会申请/ }).click();
  await expect(page.getByRole("heading", { name: "入会申请" })).toBeVisible();
  await expect(page.getByText("第 1 页，共 2 页")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(/^姓名/).fill("刘洋");
  const id = page.getByLabel(/^居民身份证号码/);
  await id.fill("110105194912310025");
  await expect(page.getByText("身份证号校验位不符（应为 X）")).toBeVisible();
  const idField = page.locator(".ff-field", { has: id });
  await expect(idField.getByRole("alert")).toBeVisible();

  await id.fill("11010519491231002X");
  await expect(page.getByText("身份证号校验通过")).toBeVisible();
  await expect(idField.getByRole("alert")).toHaveCount(0);
  // Calculated from the ID by the same rules the server runs.
  await expect(page.getByLabel(/^出生日期/)).toHaveValue("1949-12-31");

  await page.getByLabel(/^手机号码/).fill("13812345678");
  await page.getByLabel("省份").selectOption({ label: "北京市" });
  await page.getByRole("textbox", { name: /后 4 位/ }).fill("0105");
  await page.getByLabel(/^工作单位/).first().fill("华兴电子有限公司");
  await page.getByRole("radio", { name: "全日制", exact: true }).check();
  await page.getByRole("button", { name: "下一步" }).click();

  await expect(page.getByText("第 2 页，共 2 页")).toBeVisible();
  await expect(page.getByText(/暂不支持上传/).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交" }).click();
  const signature = page.locator(".ff-field", { has: page.getByRole("img", { name: "请在此处签名" }) });
  await expect(signature.getByRole("alert")).toBeVisible();
});
