import { baseUrl, expect, test } from "../support/fixtures";
import { desktop, studioSignIn } from "./studio-support";

test.use(desktop);

test("the designer writes a notice in the rich-text editor under the Studio's CSP, publishes it, and the body comes back as typed", async ({ page }) => {
  await studioSignIn(page, "designer");
  await page.getByRole("menuitem", { name: "资讯" }).click();
  await expect(page.getByRole("cell", { name: /图解：2026年职工医疗互助保障活动开始参保/ })).toBeVisible();

  await page.getByRole("button", { name: "新建资讯" }).click();
  await page.getByLabel("标题").fill("编辑器写的通知");
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await page.getByRole("button", { name: "小标题" }).click();
  await page.keyboard.type("报名方式");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "加粗" }).click();
  await page.keyboard.type("周五前");
  await page.getByRole("button", { name: "加粗" }).click();
  await page.keyboard.type("交到工会。");
  const onePixel = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  await page.getByLabel("封面图片").setInputFiles({ name: "封面.png", mimeType: "image/png", buffer: onePixel });
  await expect.poll(() => page.getByRole("img", { name: "封面图片" }).evaluate(img => (img as HTMLImageElement).naturalWidth)).toBe(1);
  await page.getByRole("button", { name: "保存草稿" }).click();

  const row = page.locator("tr", { hasText: "编辑器写的通知" });
  await expect(row.getByText("草稿")).toBeVisible();
  await row.getByRole("button", { name: "发布" }).click();
  await expect(row.getByText("已发布")).toBeVisible();

  const list = await (await page.request.get(`${baseUrl()}/api/publications`)).json() as { id: number; title: string }[];
  const id = list.find(i => i.title === "编辑器写的通知")!.id;
  const item = await (await page.request.get(`${baseUrl()}/api/feed/${id}`)).json() as { body: string; coverFileId: string | null };
  expect(item.body).toBe("<h2>报名方式</h2><p><strong>周五前</strong>交到工会。</p>");
  expect(item.coverFileId).toMatch(/^[0-9a-f]{32}$/);
});
