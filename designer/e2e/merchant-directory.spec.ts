import { expect, expectAccessible, test } from "./support/fixtures";
import { approveAfterCalling, submitJoinApplication } from "./support/join-application";
import { cardCredential, verifyAtCounter } from "./support/member-card";
import { registerWorker } from "./support/registration";
import { readSignUpCode } from "./support/sign-up-code";

test.setTimeout(240_000);

/**
 * A worker signs up by SMS code and applies to join; the reviewer, who sees the mobile number to call, approves; the
 * new member finds merchants in the 商户 directory; the city's merchant is refused a benefit it does not offer (in
 * words, not the server's rule name), redeems one it offers, and both see the use in their 核销记录.
 */
test("a registered worker joins, finds merchants, and a merchant redeems only what it offers", async ({ page, browser, watched, open }) => {
  // In the demo the code goes to the log channel; the union's admin reads it in the Studio.
  await registerWorker(page, {
    union: "某市总工会 / 东城区总工会 / 和平街道总工会 / 华兴电子有限公司工会", mobile: "13912340077", name: "吴新会",
    codeFor: mobile => readSignUpCode(browser, watched, mobile),
  });
  const { number } = await submitJoinApplication(page);

  // The review step's job is to call the applicant: the reviewer sees the mobile number unmasked.
  const reviewer = await open("reviewer");
  await approveAfterCalling(reviewer, number);

  const credential = await cardCredential(page);

  // The directory: every merchant open today, searched and filtered.
  await page.getByRole("link", { name: "查找商户" }).click();
  await expect(page.getByRole("heading", { name: "商户" })).toBeVisible();
  const merchants = page.getByRole("list", { name: "商户" });
  await expect(merchants).toContainText("东城老街理发店");
  await page.getByLabel("类别").selectOption("影院");
  await expect(merchants.getByRole("listitem")).toHaveCount(2);
  await expect(merchants).toContainText("星光影城");
  await expect(merchants).toContainText("湖畔影院");
  await page.getByLabel("区域").selectOption({ label: "西湖区总工会" });
  await expect(merchants.getByRole("listitem")).toHaveCount(1);
  await expect(merchants).toContainText("会员观影半价（周二）");
  await expectAccessible(page);
  await page.getByLabel("类别").selectOption("");
  await page.getByLabel("区域").selectOption("");
  await page.getByLabel("搜索商户名称、地址或优惠").fill("理发");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(merchants).toContainText("东城老街理发店");
  await expect(merchants).not.toContainText("星光影城");

  // 惠民生活广场 offers haircuts and cinema, not the gym.
  const merchant = await open("merchant");
  const verification = await verifyAtCounter(merchant, credential);
  await verification.getByRole("listitem").filter({ hasText: "健身" }).getByRole("button", { name: "核销一次" }).click();
  await expect(merchant.getByRole("alert")).toHaveText("本商户不提供“健身”，不能核销此权益。请会员到提供该权益的商户使用。");
  await expectAccessible(merchant);
  await verification.getByRole("listitem").filter({ hasText: "理发" }).getByRole("button", { name: "核销一次" }).click();
  await expect(merchant.getByRole("alert")).toContainText("已核销：理发");
  await merchant.getByRole("link", { name: "核销记录" }).click();
  const history = merchant.getByRole("list", { name: "核销记录" });
  await expect(history.getByRole("listitem").first()).toContainText("理发");
  await expect(history.getByRole("listitem").first()).toContainText("merchant");
  await expectAccessible(merchant);

  await page.getByRole("link", { name: "会员卡", exact: true }).click();
  await page.getByRole("link", { name: "核销记录" }).click();
  const mine = page.getByRole("list", { name: "核销记录" });
  await expect(mine.getByRole("listitem")).toHaveCount(1);
  await expect(mine).toContainText("理发");
  await expect(mine).toContainText("惠民生活广场");
  await expectAccessible(page);
});
