import { expect, test, watch } from "../support/fixtures";
import { createBlankModule, desktop, newStudioPage, openModule, studioSignIn } from "./studio-support";

test.use(desktop);

test("two sessions edit one draft: the later save is refused naming who saved first, and after a reload it saves on top of theirs", async ({ page, browser, watched }) => {
  const suffix = Date.now().toString(36);
  const name = `并发草稿${suffix}`;
  await studioSignIn(page, "designer");
  await createBlankModule(page, `stale-${suffix}`, name);

  // the same designer in a second browser (another computer) opens the same draft
  const other = await newStudioPage(browser, (p) => watch(p, watched));
  await studioSignIn(other, "designer");
  for (const session of [page, other]) {
    await openModule(session, name);
    await session.getByRole("tab", { name: /表单/ }).click();
    await session.locator('[data-element="description"]').click();
  }
  const label = (session: typeof page) => session.getByLabel("标题 zh-CN");
  const field = (session: typeof page) => session.locator('[data-element="description"]');

  await label(page).fill("事由说明（第一位）");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("已保存")).toBeVisible();

  await label(other).fill("第二位的说明");
  await other.getByRole("button", { name: "保存草稿" }).click();
  const stale = other.locator(".ff-stale-draft");
  await expect(stale).toContainText("designer 在");
  await expect(stale).toContainText("保存了这份草稿（在您打开之后），您这次的保存没有生效。");
  await expect(label(other)).toHaveValue("第二位的说明"); // the refused change is still on screen until the reload

  await stale.getByRole("button", { name: "重新加载草稿" }).click();
  await expect(stale).toHaveCount(0);
  await expect(field(other)).toContainText("事由说明（第一位）");

  await field(other).click();
  await label(other).fill("第二位在第一位之后的说明");
  await other.getByRole("button", { name: "保存草稿" }).click();
  await expect(other.getByText("已保存")).toBeVisible();
  await expect(stale).toHaveCount(0);

  // the first session, opening the module again, sees the second's save
  await page.getByRole("button", { name: /返回/ }).click();
  await openModule(page, name);
  await page.getByRole("tab", { name: /表单/ }).click();
  await expect(page.locator('[data-element="description"]')).toContainText("第二位在第一位之后的说明");
});
