import { generateKeyPairSync, randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { expect, expectAccessible, phoneOptions, test, useServer, watch } from "./support/fixtures";
import { approveAfterCalling, submitJoinApplication } from "./support/join-application";
import { cardCredential, verifyAtCounter } from "./support/member-card";
import { registerWorker } from "./support/registration";
import { startServer, type RunningServer } from "./support/server-process";
import { startSmsGateway, type SmsGateway } from "./support/sms-gateway";
import { createAccount, desktop, pickInSelect, studioSignIn } from "./studio/studio-support";

/**
 * A union runs FormFlow for real (issue #15's "done when"): a server started with --no-demo on an empty database, its
 * first admin made by FormFlow:Bootstrap, SMS sent to the union's gateway (a local one that checks each signature).
 * The admin builds the union in the Studio from nothing; a worker signs up with the code the gateway received and
 * joins; the reviewer sees the number to call and approves; the merchant redeems only what it offers; staff find the
 * case in the paged list. Once on SQLite and once on PostgreSQL (FORMFLOW_TEST_POSTGRES, which tests/run-all.sh sets).
 */
const adminPassword = "Binhai-union-2026-admin";
const sheet = (name: string) => fileURLToPath(new URL(`./support/${name}`, import.meta.url));

for (const provider of ["sqlite", "postgres"] as const) {
  test.describe(`a first install on ${provider}`, () => {
    test.setTimeout(300_000);
    let gateway: SmsGateway;
    let server: RunningServer;

    test.beforeAll(async () => {
      const postgres = process.env.FORMFLOW_TEST_POSTGRES;
      test.skip(provider === "postgres" && !postgres, "FORMFLOW_TEST_POSTGRES is not set (tests/run-all.sh starts a PostgreSQL and sets it)");
      gateway = await startSmsGateway(randomBytes(24).toString("base64"));
      const database = provider === "sqlite" ? [] : ["--Database:Provider=postgres",
        `--Database:ConnectionString=${postgres!.replace(/Database=[^;]*/i, "")};Database=formflow_first_install_${Date.now()}`];
      server = await startServer(["--no-demo", ...database,
        "--FormFlow:Bootstrap:RootOrg=滨海市总工会", "--FormFlow:Bootstrap:AdminUser=binhai-admin",
        "--FormFlow:Bootstrap:AdminName=周主席", `--FormFlow:Bootstrap:AdminPassword=${adminPassword}`,
        `--Auth:Jwt:SigningKey=${randomBytes(32).toString("base64")}`,
        `--FormFlow:Channels:Sms:Url=${gateway.url}`, `--FormFlow:Channels:Sms:Secret=${gateway.secret}`],
      { Members__CardSigningKey: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "pkcs8", format: "pem" }).toString() });
      useServer(server.url);
    });

    test.afterAll(async () => {
      useServer(undefined);
      await server?.stop();
      await gateway?.stop();
    });

    test("the first admin builds a union from nothing; a worker signs up by SMS and joins; the merchant redeems what it offers", async ({ browser, watched, open, page }) => {
      // 1. The admin imports the units under the top unit, makes the staff and imports the members.
      const studio = await (await browser.newContext(desktop)).newPage();
      await watch(studio, watched);
      await studioSignIn(studio, "binhai-admin", adminPassword);
      await studio.getByRole("menuitem", { name: "组织机构" }).click();
      await expect(studio.getByRole("tree")).toContainText("滨海市总工会");
      await studio.locator('input[type="file"]').setInputFiles(sheet("first-union-orgs.xlsx"));
      await studio.getByRole("button", { name: "试导入（只检查）" }).click();
      await expect(studio.getByText("共 4 行，0 个错误")).toBeVisible();
      await studio.getByRole("button", { name: "正式导入" }).click();
      await expect(studio.getByText("已导入 4 个组织")).toBeVisible();
      await expect(studio.getByRole("tree")).toContainText("海港机械厂工会 · 基层");
      await expectAccessible(studio);

      // The reviewer gets a one-time link and sets the password on their own phone; the merchant gets one from the admin.
      const reviewerRow = await createAccount(studio, { userName: "haigang-reviewer", displayName: "钱敏", role: "审核员", org: "海港机械厂工会" });
      await reviewerRow.getByRole("button", { name: "重置密码链接" }).click();
      const link = await studio.getByRole("dialog").getByRole("textbox", { name: "重置密码链接" }).inputValue();
      await studio.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
      await createAccount(studio, { userName: "gangwan-barber", displayName: "港湾理发店", role: "商户", org: "海港区总工会", password: "Gangwan-barber-2026" });

      await studio.getByRole("menuitem", { name: "会员导入" }).click();
      await studio.locator('input[type="file"]').setInputFiles(sheet("first-union-members.xlsx"));
      await studio.getByRole("button", { name: "试导入（只检查）" }).click();
      await expect(studio.getByRole("status")).toContainText("共 2 行，0 个错误");
      await studio.getByRole("button", { name: "正式导入" }).click();
      await expect(studio.getByText("已导入 2 名会员")).toBeVisible();

      // The shipped templates wait in the library; the admin runs join and benefits for the whole union.
      for (const module of ["入会申请", "会员权益"]) {
        await studio.getByRole("menuitem", { name: "服务" }).click();
        await pickInSelect(studio, studio.getByLabel("模块", { exact: true }), `${module} (滨海市总工会)`, module);
        await pickInSelect(studio, studio.getByLabel("组织", { exact: true }), "滨海市总工会");
        await studio.getByRole("button", { name: "启用服务" }).click();
        await expect(studio.getByRole("status")).toContainText("已在 滨海市总工会 启用");
      }

      // 2. The district's barber is onboarded for haircuts only.
      await studio.getByRole("menuitem", { name: "商户" }).click();
      await studio.getByRole("button", { name: "新建商户" }).click();
      const merchantDialog = studio.getByRole("dialog");
      await merchantDialog.getByLabel("名称").fill("港湾理发店");
      await merchantDialog.getByLabel("类别").fill("理发");
      await pickInSelect(studio, merchantDialog.getByLabel("所属区域"), "海港区总工会");
      await pickInSelect(studio, merchantDialog.getByLabel("可核销权益"), "理发 (haircut)");
      await merchantDialog.getByLabel("商户账号").fill("gangwan-barber");
      await merchantDialog.getByLabel("商户账号").press("Enter");
      await merchantDialog.getByRole("button", { name: "创建" }).click();
      await expect(studio.getByRole("status")).toContainText("已新建商户“港湾理发店”");
      await expectAccessible(studio);

      // The reviewer opens the link on their phone.
      await page.goto(link);
      await page.getByLabel("新密码", { exact: true }).fill("Haigang-review-2026");
      await page.getByLabel("再次输入新密码").fill("Haigang-review-2026");
      await page.getByRole("button", { name: "设置密码" }).click();
      await expect(page.getByRole("status")).toContainText("新密码已设置");

      // 3 and 5. A worker signs up with the code the union's gateway received, signed, and applies to join.
      const applicant = await (await browser.newContext(phoneOptions)).newPage();
      await watch(applicant, watched);
      await registerWorker(applicant, {
        union: "滨海市总工会 / 海港区总工会 / 港湾街道总工会 / 海港机械厂工会", mobile: "13955556666", name: "孙海",
        codeFor: async mobile => {
          const sent = () => gateway.messages.find(m => m.to === mobile && m.template === "registrationCode");
          await expect.poll(sent, { timeout: 30_000 }).toBeTruthy();
          expect(sent()!.signatureValid).toBe(true);
          return /(\d{6})/.exec(sent()!.text)![1];
        },
      });
      const { number } = await submitJoinApplication(applicant);

      // 4. The reviewer, who is to call the applicant, sees the mobile number, and approves.
      const reviewer = await open("haigang-reviewer", "Haigang-review-2026");
      await approveAfterCalling(reviewer, number);

      // 6. The barber checks the new member's card: the gym is refused in words, a haircut is redeemed.
      const credential = await cardCredential(applicant);
      const barber = await open("gangwan-barber", "Gangwan-barber-2026");
      const verification = await verifyAtCounter(barber, credential);
      await verification.getByRole("listitem").filter({ hasText: "健身" }).getByRole("button", { name: "核销一次" }).click();
      await expect(barber.getByRole("alert")).toHaveText("本商户不提供“健身”，不能核销此权益。请会员到提供该权益的商户使用。");
      await verification.getByRole("listitem").filter({ hasText: "理发" }).getByRole("button", { name: "核销一次" }).click();
      await expect(barber.getByRole("alert")).toContainText("已核销：理发");
      await expectAccessible(barber);

      // 7. Staff find the case by its number in the paged case list.
      await reviewer.getByRole("link", { name: "案件", exact: true }).click();
      await reviewer.getByLabel("案件编号").fill(number);
      await reviewer.getByRole("button", { name: "查询" }).click();
      await expect(reviewer.getByRole("link", { name: new RegExp(number) })).toHaveCount(1);
      await expectAccessible(reviewer);

      // Every SMS reached the union's gateway, signed; the admin sees each sent on 消息投递.
      expect(gateway.messages.filter(m => !m.signatureValid)).toEqual([]);
      expect(gateway.messages.find(m => m.template === "joinApproved")?.to).toBe("13812345678");
      await studio.getByRole("menuitem", { name: "消息投递" }).click();
      const deliveries = studio.getByRole("table", { name: "投递记录" });
      for (const title of ["注册验证码", "入会申请已通过"]) {
        await expect(deliveries.getByRole("row").filter({ hasText: title })).toContainText("已发送");
      }
    });
  });
}
