import { expect, test } from "./support/fixtures";

test("a draft saved as I type in one browser comes back in another", async ({ open }) => {
  const phone = await open("worker");
  await phone.getByRole("link", { name: /入会申请/ }).click();
  await phone.getByLabel(/^姓名/).fill("刘洋");
  await phone.getByLabel(/^手机号码/).fill("13812345678");
  await expect(phone.getByTestId("draft-status")).toContainText("草稿已保存");

  const laptop = await open("worker");
  await laptop.getByRole("link", { name: /入会申请/ }).click();
  await expect(laptop.getByText(/已恢复您在 .* 保存的草稿/)).toBeVisible();
  await expect(laptop.getByLabel(/^姓名/)).toHaveValue("刘洋");
  await expect(laptop.getByLabel(/^手机号码/)).toHaveValue("13812345678");
});
