import { baseUrl, expect, expectAccessible, test } from "./support/fixtures";
import { submitJoinApplication } from "./support/join-application";
import { readSignUpCode } from "./support/sign-up-code";

test.setTimeout(240_000);

/**
 * A worker signs up by SMS code and applies to join; the reviewer, who sees the mobile number to call, approves; the
 * new member finds merchants in the 商户 directory; the city's merchant is refused a benefit it does not offer (in
 * words, not the server's rule name), redeems one it offers, and both see the use in their 核销记录.
 */
test("a registered worker joins, finds merchants, and a merchant redeems only what it offers", async ({ page, browser, watched, open }) => {
  const mobile = "13912340077";
  await page.goto(`${baseUrl()}/`);
  await page.getByRole("link", { name: "注册" }).click();
  await page.getByLabel("所在工会").selectOption({ label: "某市总工会 / 东城区总工会 / 和平街道总工会 / 华兴电子有限公司工会" });
  await page.getByLabel("手机号").fill(mobile);
  await page.getByRole("button", { name: "获取验证码" }).click();
  await expect(page.getByRole("status")).toHaveText("验证码已发送，5 分钟内有效");

  // In the demo the code goes to the log channel; the union's admin reads it in the Studio.
  const code = await readSignUpCode(browser, watched, mobile);

  await page.getByLabel("验证码").fill(code);
  await page.getByLabel("姓名").fill("吴新会");
  await page.getByLabel("密码", { exact: true }).fill("Register-2026!");
  await page.getByRole("button", { name: "注册并登录" }).click();
  await expect(page.locator(".pf-who")).toHaveText("吴新会");
  const { number } = await submitJoinApplication(page);

  // The review step's job is to call the applicant: the reviewer sees the mobile number unmasked.
  const reviewer = await open("reviewer");
  await reviewer.getByRole("link", { name: "待办", exact: true }).click();
  await reviewer.getByRole("link", { name: new RegExp(number) }).click();
  await expect(reviewer.getByLabel(/^手机号码/)).toHaveValue("13812345678");
  await expectAccessible(reviewer);
  await reviewer.getByLabel("意见").fill("已电话联系，同意入会");
  await reviewer.getByRole("button", { name: "通过", exact: true }).click();
  await expect(reviewer.getByRole("link", { name: new RegExp(number) })).toHaveCount(0);

  await page.getByRole("link", { name: "会员卡", exact: true }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("member-number")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const credential = await page.getByRole("img", { name: /会员卡 QR/ }).getAttribute("data-credential");

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
  await merchant.getByLabel("或粘贴会员码").fill(credential!);
  await merchant.getByRole("button", { name: "核验" }).last().click();
  const verification = merchant.getByTestId("verification");
  await expect(verification).toContainText("会员身份有效");
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
