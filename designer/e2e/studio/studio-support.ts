import type { Browser, Locator, Page } from "@playwright/test";
import { baseUrl, expect } from "../support/fixtures";

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
 * select is still zooming in can miss the moving dropdown, and a person would simply pick again.
 */
export async function pickInSelect(page: Page, select: Locator, title: string): Promise<void> {
  const chosen = select.locator("xpath=ancestor::*[contains(concat(' ', normalize-space(@class), ' '), ' ant-select ')][1]");
  await expect(async () => {
    await select.click();
    await chooseOption(page, title);
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
