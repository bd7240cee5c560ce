import type { Browser, Locator, Page } from "@playwright/test";
import { baseUrl, expect, expectAccessible, watch, type Watched } from "../support/fixtures";

/** The Studio is a desktop surface. */
export const desktop = { viewport: { width: 1600, height: 1000 }, isMobile: false, hasTouch: false, locale: "zh-CN", timezoneId: "Asia/Shanghai" };

export async function studioSignIn(page: Page, user: string, password = "demo"): Promise<void> {
  await page.goto(`${baseUrl()}/studio/`);
  await page.getByLabel("账号").fill(user);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("menuitem", { name: "模块库" })).toBeVisible();
}

/** Opens a module from the library by its Chinese name and owner org. */
export async function openModule(page: Page, name: string, owner?: string): Promise<void> {
  await page.getByRole("menuitem", { name: "模块库" }).click();
  const rows = page.locator("tr", { hasText: name });
  const row = owner ? rows.filter({ hasText: owner }) : rows;
  await row.first().getByRole("button", { name: "打开" }).click();
  await expect(page.getByRole("tab", { name: "流程" })).toBeVisible();
}

/**
 * Picks an option in the open antd Select dropdown (closed ones stay in the DOM, hidden); `search` is typed first in
 * a searchable select, whose list is virtual (only the options in view exist).
 */
export async function chooseOption(page: Page, title: string, search?: string): Promise<void> {
  if (search) await page.keyboard.type(search);
  await page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").getByTitle(title, { exact: true }).click();
}

/**
 * Opens a select and picks an option until the select shows it: a click that lands while the dialog around the
 * select is still zooming in can miss the moving dropdown, and a person would simply pick again. `search` is typed
 * first in a searchable select whose long list shows only the options in view.
 */
export async function pickInSelect(page: Page, select: Locator, title: string, search?: string): Promise<void> {
  const chosen = select.locator("xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]");
  await expect(async () => {
    // Open it only when closed: a click on an open select closes it, and the next try would look in no dropdown.
    if (!(await chosen.getAttribute("class"))?.split(" ").includes("ant-select-open")) await select.click();
    await chooseOption(page, title, search);
    await expect(chosen).toContainText(title, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** Publishes from the versions tab; a template gets the next minor version above those published. */
export async function publish(page: Page): Promise<string> {
  await page.getByRole("tab", { name: "版本与发布" }).click();
  const next = page.getByLabel("发布为版本");
  if (await next.count()) {
    const published = (await page.locator(".ff-versions tbody tr td:first-child").allTextContents()).map((v) => v.split(".").map(Number));
    const [major, minor] = published.reduce((a, b) => (b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]) ? b : a), [1, 0]);
    await next.fill(`${major}.${minor + 1}.0`);
  }
  await page.getByRole("button", { name: "发布" }).click();
  const status = page.getByRole("status").filter({ hasText: "已发布版本" });
  await expect(status).toBeVisible({ timeout: 30_000 });
  return (await status.textContent())!.replace(/.*已发布版本\s*/, "").trim();
}

export async function newStudioPage(browser: Browser, watch: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext(desktop);
  const page = await context.newPage();
  await watch(page);
  return page;
}

/** Creates a blank module (one form, start → end) from the library's 新建 dialog; the library then lists it. */
export async function createBlankModule(page: Page, moduleId: string, name: string): Promise<void> {
  await page.getByRole("menuitem", { name: "模块库" }).click();
  await page.getByRole("button", { name: "新建", exact: true }).click();
  const blank = page.getByRole("dialog");
  await expect(blank.getByLabel("起点").locator("xpath=ancestor::*[contains(@class, 'ant-select')][1]")).toContainText("空白模块");
  // Typed again when the dialog's fields were reset under the typing (the owner orgs arriving right after sign-in).
  await expect(async () => {
    await blank.getByLabel("模块标识").fill(moduleId);
    await blank.getByLabel("名称（简体中文）").fill(name);
    await blank.getByLabel("类别").fill("other");
    await blank.getByLabel("类别").press("Tab");
    await expect(blank.getByRole("button", { name: "新建" })).toBeEnabled({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await blank.getByRole("button", { name: "新建" }).click();
  await expect(page.getByRole("status")).toContainText(`已创建模块“${name}”`);
}

/**
 * Creates an account on 账号与角色 with one role at one org, and the password when one is given (otherwise the person
 * sets it from a reset link); returns the account's row in the list.
 */
export async function createAccount(page: Page, account: { userName: string; displayName: string; role: string; org: string; password?: string }): Promise<Locator> {
  await page.getByRole("menuitem", { name: "账号与角色" }).click();
  await page.getByRole("button", { name: "新建账号" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("账号").fill(account.userName);
  await dialog.getByLabel("姓名").fill(account.displayName);
  if (account.password) await dialog.getByLabel(/^初始密码/).fill(account.password);
  await pickInSelect(page, dialog.getByLabel("第 1 行的角色"), account.role);
  await pickInSelect(page, dialog.getByLabel("第 1 行的组织"), account.org);
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(page.getByRole("status")).toContainText(`已创建账号“${account.displayName}”`);
  const row = page.locator("tr", { hasText: account.userName });
  await expect(row).toContainText(`${account.role} · ${account.org}`);
  return row;
}

/**
 * From the join template's versions tab, the impact of the demo city's join 1.1 draft (one new lock on the review
 * step's title, samples/customisations/city.join-1.1.draft.json): 东城区 upgrades cleanly, 西湖区 is broken by the lock,
 * with the three values and the locking org's reason.
 */
async function expectJoinImpact(page: Page): Promise<void> {
  await openModule(page, "入会申请", "模板");
  await page.getByRole("tab", { name: "版本与发布" }).click();
  await page.getByRole("button", { name: "查看对下级单位的影响" }).click();
  const impact = page.locator(".ff-impact");
  await expect(impact.locator("tr", { hasText: "东城区总工会" }).first()).toContainText("自动升级");
  await expect(impact.locator("tr", { hasText: "西湖区总工会" }).first()).toContainText("被新锁定破坏");
  const conflict = page.locator('.ff-impact-org[data-org="西湖区总工会"] tbody tr').first();
  await expect(conflict).toContainText("/review/inputs/title");
  await expect(conflict.locator(".ff-base")).toContainText("审核入会申请");
  await expect(conflict.locator(".ff-mine")).toContainText("朝阳区");
  await expect(conflict.locator(".ff-locked-by")).toContainText("某市总工会：审核步骤名称全市统一");
}

/**
 * 西湖区's admin (signed in to the Studio) opens 西湖区's join, which waits after the city's publish with the conflict
 * the impact view foretold, takes the city's review title and publishes.
 */
async function settleXihuJoin(page: Page): Promise<void> {
  await openModule(page, "入会申请", "西湖区总工会");
  await expect(page.locator(".ff-upgrade-banner")).toBeVisible();
  await page.getByRole("button", { name: "升级" }).click();
  const open = page.locator(".ff-conflicts tr", { hasText: "/review/inputs/title" });
  await expect(open.locator(".ff-mine")).toContainText("朝阳区");
  await open.getByRole("button", { name: "采用上级" }).click();
  await expect(page.getByText("没有冲突，可以发布。")).toBeVisible();
  await publish(page);
}

/**
 * The city designer, in the join template, without JSON: the district review's deadline becomes the setting
 * districtDeadlineDays (3–20), locked to 3–15 with a reason; an extension point afterDistrictReview opens after the
 * district review's approval. The draft is left unsaved on the settings tab.
 */
export async function exposeDistrictDeadline(page: Page): Promise<void> {
  await openModule(page, "入会申请", "模板");

  // 设为可配置项: the district review's deadline becomes a named setting with bounds.
  await page.getByRole("tab", { name: "流程" }).click();
  // The canvas opens readable at the start step; the district review is further right, under the minimap: show everything.
  await page.getByRole("button", { name: "显示全部" }).click();
  await page.locator('[data-activity-id="districtReview"]').click();
  const promote = page.getByRole("region", { name: "设为可配置项" });
  await pickInSelect(page, promote.getByLabel("输入或属性"), "deadlineDays");
  await promote.getByLabel("配置项标识").fill("review");
  await expect(promote.getByText("该标识已被使用")).toBeVisible();
  await promote.getByLabel("配置项标识").fill("districtDeadlineDays");
  await promote.getByLabel("名称（中文）").fill("区总工会督办期限（工作日）");
  await promote.getByLabel("名称（英文）").fill("Working days for the district union");
  await promote.getByLabel("下限").fill("3");
  await promote.getByLabel("上限").fill("20");
  await promote.getByRole("button", { name: "设为可配置项" }).click();
  await expect(page.getByText("此值由设置 districtDeadlineDays 决定 (3–20)")).toBeVisible();
  await expect(promote).toContainText("deadlineDays ← 此值由设置 districtDeadlineDays 决定");

  // An extension point after the district review's approval; the canvas marks it and names where it rejoins.
  const open = page.getByRole("region", { name: "开放扩展点" });
  await pickInSelect(page, open.getByLabel("步骤结果"), "approve → recordHandler");
  await open.getByLabel("扩展点标识").fill("afterDistrictReview");
  await open.getByLabel("说明").fill("区总工会审核通过后，本级可加的步骤（如谈心谈话）");
  await open.getByRole("button", { name: "开放扩展点" }).click();
  await expect(page.locator('[data-activity-id="districtReview"] .ff-node-extension-points')).toContainText("afterDistrictReview");
  await expect(open).toContainText("在 districtReview（approve）之后插入，回到 recordHandler");
  await expectAccessible(page);

  // The settings tab lists it; its value is locked to 3–15 with a reason.
  await page.getByRole("tab", { name: "可配置项" }).click();
  const row = page.locator(".ff-settings tr", { hasText: "districtDeadlineDays" });
  await expect(row.getByLabel("默认值 districtDeadlineDays")).toHaveValue("10");
  const locks = row.getByRole("region", { name: "锁定 districtDeadlineDays" });
  await locks.getByRole("button", { name: "添加锁定" }).click();
  await pickInSelect(page, locks.getByLabel("锁定方式"), "限定取值范围");
  await expect(locks.getByRole("button", { name: "保存锁定" })).toBeDisabled();
  await pickInSelect(page, locks.getByLabel("限定的值"), "/value");
  await locks.getByLabel("最小值").fill("3");
  await locks.getByLabel("最大值").fill("15");
  await locks.getByLabel("锁定原因（下级可见）").fill("市总工会规定：区总工会须在3至15个工作日内督办");
  await locks.getByRole("button", { name: "保存锁定" }).click();
  await expect(locks.locator(".ff-own-lock")).toContainText("/value 3–15");
  await expect(page.locator(".ff-settings-panel")).toContainText("afterDistrictReview");
  await expectAccessible(page);
}

/** On the settings tab, the designer locks an extension point additions only, with a reason shown below. */
export async function lockExtensionPointAdditionsOnly(page: Page, point: string, reason: string): Promise<void> {
  await page.getByRole("tab", { name: "可配置项" }).click();
  const locks = page.getByRole("region", { name: `锁定 ${point}` });
  await locks.getByRole("button", { name: "添加锁定" }).click();
  await pickInSelect(page, locks.getByLabel("锁定方式"), "只能新增，已有内容不能改动");
  await locks.getByLabel("锁定原因（下级可见）").fill(reason);
  await locks.getByRole("button", { name: "保存锁定" }).click();
  await expect(locks.locator(".ff-own-lock")).toContainText(reason);
}

/**
 * The city designer (signed in) reads join 1.1's impact on every district before publishing, publishes, and sees
 * 西湖区 waiting; then 西湖区's own admin, in a Studio of their own, settles the conflict the impact view foretold.
 */
export async function publishJoinAndSettleXihu(page: Page, browser: Browser, watched: Watched): Promise<void> {
  await expectJoinImpact(page);
  await page.mouse.move(0, 0); // the pointer off the button it clicked (antd's hover colour is not what is checked here)
  await expectAccessible(page);
  expect(await publish(page)).toBe("1.1.0");
  await expect(page.locator(".ff-cascade-waiting")).toContainText("西湖区总工会");

  const xihu = await newStudioPage(browser, p => watch(p, watched));
  await studioSignIn(xihu, "xihu-admin");
  await settleXihuJoin(xihu);
}
