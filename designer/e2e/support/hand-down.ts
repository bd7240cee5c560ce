import { request, type Page } from "@playwright/test";
import { baseUrl, expect, expectAccessible } from "./fixtures";

/** The password of the street handlers made here (the server wants at least 12 characters). */
export const streetPassword = "Street-handler-2026";

/**
 * 东城区's admin gives 和平街道 and 建设街道 each a lawyer (new accounts, unique per run: specs share one server),
 * as the Studio's 账号与角色 page does, through the same API. Returns their user names.
 */
export async function streetLawyers(): Promise<{ heping: string; jianshe: string }> {
  const admin = await request.newContext({ baseURL: baseUrl() });
  expect((await admin.post("/api/auth/login", { data: { userName: "district-admin", password: "demo" } })).ok()).toBe(true);
  const units = new Map<string, number>();
  const walk = (nodes: { id: number; name: string; children?: unknown[] }[]) => nodes.forEach(n => { units.set(n.name, n.id); walk((n.children ?? []) as typeof nodes); });
  walk(await (await admin.get("/api/orgs")).json());
  const suffix = Date.now().toString(36);
  const made = { heping: `heping-lawyer-${suffix}`, jianshe: `jianshe-lawyer-${suffix}` };
  for (const [userName, displayName, unit] of [[made.heping, "和平街道律师", "和平街道总工会"], [made.jianshe, "建设街道律师", "建设街道总工会"]] as const) {
    const created = await admin.post("/api/accounts", { data: { userName, displayName, password: streetPassword, roles: [{ role: "lawyer", orgUnitId: units.get(unit) }] } });
    expect(created.status(), await created.text()).toBe(201);
  }
  await admin.dispose();
  return made;
}

/** The worker asks the legal consultation's question about an unsigned labour contract; returns the case number. */
export async function askLegalQuestion(worker: Page): Promise<string> {
  await worker.getByRole("link", { name: /法律咨询/ }).click();
  await expect(worker.getByRole("heading", { name: "法律咨询" })).toBeVisible();
  await worker.getByRole("radio", { name: "劳动合同" }).check();
  await worker.getByLabel(/^问题描述/).fill("公司至今未与我签订书面劳动合同，已工作八个月，想了解如何维权。");
  await worker.getByLabel(/^称呼/).fill("刘洋");
  await worker.getByLabel(/^手机号码/).fill("13812345678");
  await worker.getByRole("button", { name: "提交" }).click();
  const notice = worker.getByText(/已提交，办件号 /);
  await expect(notice).toBeVisible();
  return (await notice.textContent())!.replace(/.*已提交，办件号 /, "").trim();
}

/** A date `days` from today as the date input takes it (yyyy-mm-dd, the browser's calendar). */
export function daysFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/**
 * 东城区's lawyer opens the case's task from the inbox and hands it down to `unit` with a reason and a deadline; the
 * units offered are those below 东城区 only. The task moves to that unit.
 */
export async function handDown(lawyer: Page, number: string, unit: string, reason: string, deadline: string): Promise<void> {
  await lawyer.getByRole("link", { name: "待办", exact: true }).click();
  await lawyer.getByRole("link", { name: new RegExp(number) }).click();
  await lawyer.getByRole("button", { name: "下派给下级单位" }).click();
  const to = lawyer.getByLabel("下派至");
  await expect(to.locator("option", { hasText: "建设街道总工会" })).toHaveCount(1);
  await expect(to.locator("option", { hasText: "北山街道总工会" })).toHaveCount(0);
  await to.selectOption({ label: unit });
  await lawyer.getByLabel("下派原因").fill(reason);
  await lawyer.getByLabel("办理期限").fill(deadline);
  await expectAccessible(lawyer);
  await lawyer.getByRole("button", { name: "确认下派" }).click();
  await expect(lawyer.getByRole("heading", { name: "待办" })).toBeVisible();
  // The district still oversees it (its role holds above the street), now at the street.
  await expect(lawyer.locator(".pf-task", { hasText: number })).toContainText(unit);
}

/** The street's lawyer finds the handed-down task in the inbox (due by the deadline, at the street) and answers it. */
export async function answerAtStreet(lawyer: Page, number: string, unit: string, answer: string): Promise<void> {
  await lawyer.getByRole("link", { name: "待办", exact: true }).click();
  const task = lawyer.locator(".pf-task", { hasText: number });
  await expect(task).toContainText(unit);
  await expectAccessible(lawyer);
  await task.getByRole("link").click();
  await expect(lawyer.getByText(/已由东城区总工会下派至/)).toBeVisible();
  await lawyer.getByLabel(/^答复内容/).fill(answer);
  await lawyer.getByRole("button", { name: "已答复" }).click();
  await expect(lawyer.getByRole("heading", { name: "待办" })).toBeVisible();
  await expect(lawyer.getByRole("link", { name: new RegExp(number) })).toHaveCount(0);
}

/**
 * The worker follows the case in 我的办件: the timeline shows the hand-down with its reason and deadline; the
 * lawyer's answer asks for a rating, which ends the case (已办结).
 */
export async function followToTheEnd(worker: Page, number: string, handedTo: string, reason: string, deadline: string): Promise<void> {
  await worker.getByRole("link", { name: "我的办件", exact: true }).click();
  await worker.getByRole("link", { name: new RegExp(number) }).click();
  await expect(worker.getByText(`已由东城区总工会下派至${handedTo}，期限 ${deadline}`)).toBeVisible();
  await expect(worker.getByText(reason)).toBeVisible();
  await expect(worker.getByRole("heading", { name: "需要补充信息" })).toBeVisible();
  await expectAccessible(worker);
  await worker.getByRole("button", { name: "5 星" }).click();
  await worker.getByRole("button", { name: "重新提交" }).click();
  await expect(worker.getByText("已办结").first()).toBeVisible();
  await expectAccessible(worker);
}

/**
 * The whole hand-down, as its people live it: the worker asks a legal question; 东城区's lawyer hands it down to
 * 和平街道 with a reason and a deadline; 建设街道's lawyer never sees it; 和平街道's lawyer answers it; the worker
 * follows the case to its end. `open` signs a person in on a phone of their own.
 */
export async function handDownAndFollow(open: (user: string, password?: string) => Promise<Page>): Promise<void> {
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
}
