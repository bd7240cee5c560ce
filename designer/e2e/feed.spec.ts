import { baseUrl, expect, expectAccessible, test } from "./support/fixtures";

const noticeTitle = "图解：2026年职工医疗互助保障活动开始参保";

/** The designer's view of the demo notice: how many have read it. */
async function readers(page: import("@playwright/test").Page, id: string): Promise<number> {
  const answer = await page.request.get(`${baseUrl()}/api/feed/${id}`);
  expect(answer.ok()).toBe(true);
  return (await answer.json()).uniqueReaders as number;
}

test("a worker reads the pinned notice (the designer sees the count go up), searches the FAQ and opens the directory", async ({ open }) => {
  const designer = await open("designer");
  const worker = await open("worker");

  await worker.getByRole("link", { name: "资讯", exact: true }).click();
  await expect(worker.getByRole("heading", { name: "资讯" })).toBeVisible();
  const notice = worker.getByRole("link", { name: new RegExp(noticeTitle) });
  await expect(notice).toContainText("置顶");
  await expectAccessible(worker);

  const id = /\/feed\/(\d+)/.exec((await notice.getAttribute("href"))!)![1];
  const before = await readers(designer, id);
  await notice.click();
  await expect(worker.getByRole("heading", { name: noticeTitle })).toBeVisible();
  await expect(worker.getByRole("img", { name: "医疗互助保障示意图" })).toBeVisible();
  await expect(worker.getByRole("link", { name: "12351" })).toHaveAttribute("href", "tel:12351");
  await expect(worker.getByTestId("read-counts")).toHaveCount(0);
  await expectAccessible(worker);
  // The designer's own check counts a read of theirs once; the worker's read is the other new reader.
  expect(await readers(designer, id)).toBeGreaterThanOrEqual(before + 1);
  const after = await readers(designer, id);
  await designer.goto(`${baseUrl()}/feed/${id}`);
  await expect(designer.getByTestId("read-counts")).toContainText(`阅读 ${after} 人`);

  await worker.getByRole("link", { name: "返回" }).click();
  await worker.getByRole("button", { name: "常见问题" }).click();
  await expect(worker.getByRole("button", { name: "常见问题" })).toHaveAttribute("aria-pressed", "true");
  await worker.getByLabel("搜索资讯").fill("工资");
  await worker.getByLabel("搜索资讯").press("Enter");
  await expect(worker.getByRole("link", { name: /单位拖欠工资/ })).toBeVisible();
  await expect(worker.getByRole("link", { name: /入会申请提交后/ })).toHaveCount(0);
  await worker.getByRole("link", { name: /单位拖欠工资/ }).click();
  await expect(worker.getByText("区总工会律师将在5个工作日内答复")).toBeVisible();

  await worker.getByRole("link", { name: "返回" }).click();
  await worker.getByRole("button", { name: "服务目录" }).click();
  await worker.getByRole("link", { name: /职工服务热线 12351/ }).click();
  await expect(worker.getByRole("link", { name: "拨打 12351" })).toHaveAttribute("href", "tel:12351");
  await worker.getByRole("link", { name: "返回" }).click();
  await worker.getByRole("button", { name: "服务目录" }).click();
  await worker.getByRole("link", { name: /微信公众号/ }).click();
  const qr = worker.getByRole("img", { name: "某市总工会微信公众号的二维码" });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await expectAccessible(worker);
});

test("a notice body with script, an event handler and a javascript: link shows clean, with no CSP violation or console error", async ({ open }) => {
  const designer = await open("designer");
  const orgs = await (await designer.request.get(`${baseUrl()}/api/orgs`)).json();
  const city = (Array.isArray(orgs) ? orgs : [orgs]).flatMap(function all(o: { id: number; name: string; children?: unknown[] }): { id: number; name: string }[] {
    return [o, ...((o.children ?? []) as typeof o[]).flatMap(all)];
  }).find(o => o.name === "某市总工会")!;
  const created = await designer.request.post(`${baseUrl()}/api/publications`, {
    data: {
      kind: "notice", orgId: city.id, title: "带脚本的通知",
      body: `<p onmouseover="alert(1)">安全正文</p><script>alert(2)</script><img src="x" onerror="alert(3)"><a href="javascript:alert(4)">链接</a><p style="color:red">样式</p>`,
    },
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id;
  expect((await designer.request.post(`${baseUrl()}/api/publications/${id}/publish`)).ok()).toBe(true);

  const worker = await open("worker");
  await worker.goto(`${baseUrl()}/feed/${id}`);
  await expect(worker.getByText("安全正文")).toBeVisible();
  await expect(worker.getByText("样式")).toBeVisible();
  await expect(worker.locator(".pf-rich script, .pf-rich img, .pf-rich [onmouseover], .pf-rich [style]")).toHaveCount(0);
  await expect(worker.locator(".pf-rich a")).toHaveCount(0);
  await expectAccessible(worker);
});
