import { expect, test, watch } from "../support/fixtures";
import { createBlankModule, desktop, newStudioPage, pickInSelect, publish, studioSignIn } from "./studio-support";

test.use(desktop);

test("the designer creates a module from the legal consultation template, duplicates it and archives the copy; the district admin cannot archive the city's template", async ({ page, browser, watched }) => {
  const suffix = Date.now().toString(36);
  const name = `法律援助预约${suffix}`;
  await studioSignIn(page, "designer");

  await page.getByRole("button", { name: "新建", exact: true }).click();
  const create = page.getByRole("dialog");
  await pickInSelect(page, create.getByLabel("起点"), "法律咨询 · 某市总工会");
  await expect(create.getByLabel("类别")).toHaveValue("legal");
  await create.getByLabel("模块标识").fill(`legal-aid-${suffix}`);
  await create.getByLabel("名称（简体中文）").fill(name);
  await create.getByRole("button", { name: "新建" }).click();
  await expect(page.getByRole("status")).toContainText(`已创建模块“${name}”`);
  const original = page.locator("tr", { hasText: name }).filter({ hasNotText: "副本" });
  await expect(original).toContainText("有草稿");

  await original.getByRole("button", { name: "复制" }).click();
  const duplicate = page.getByRole("dialog");
  await expect(duplicate.getByLabel("模块标识")).toHaveValue(`legal-aid-${suffix}-copy`);
  await expect(duplicate.getByLabel("名称（简体中文）")).toHaveValue(`${name}（副本）`);
  await duplicate.getByRole("button", { name: "复制" }).click();
  await expect(page.getByRole("status")).toContainText(`已复制为“${name}（副本）”`);
  const copy = page.locator("tr", { hasText: `${name}（副本）` });
  await expect(copy).toHaveCount(1);

  await copy.getByRole("button", { name: "归档" }).click();
  const confirm = page.getByRole("tooltip");
  await expect(confirm).toContainText("正在运行的服务和办件不受影响");
  await confirm.getByRole("button", { name: "归档" }).click();
  await expect(page.getByRole("status")).toContainText(`已归档“${name}（副本）”`);
  await expect(copy).toHaveCount(0);
  await expect(original).toHaveCount(1);

  await page.getByRole("checkbox", { name: "显示已归档" }).check();
  await expect(copy).toHaveCount(1);
  await expect(copy).toContainText("已归档");
  await expect(copy.getByRole("button", { name: "取消归档" })).toBeVisible();
  await expect(copy.getByRole("button", { name: "派生" })).toBeDisabled();

  // opened, the archived copy says so and what it means, and is brought back from its own page
  await copy.getByRole("button", { name: "打开" }).click();
  await expect(page.getByRole("tab", { name: "流程" })).toBeVisible();
  const archivedTag = page.locator(".ff-module .ant-tag", { hasText: "已归档" });
  const note = page.getByRole("note").filter({ hasText: "此模块已归档" });
  await expect(archivedTag).toBeVisible();
  await expect(note).toContainText("不能再派生或新启用服务");
  await note.getByRole("button", { name: "取消归档" }).click();
  await expect(note).toHaveCount(0);
  await expect(archivedTag).toHaveCount(0);
  await page.getByRole("button", { name: /返回/ }).click();
  await expect(copy).toHaveCount(1);
  await expect(copy).not.toContainText("已归档");

  // a blank module is a draft of its own: it opens in the designer (start → end) and publishes its first version
  await createBlankModule(page, `blank-${suffix}`, `空白服务${suffix}`);
  await page.locator("tr", { hasText: `空白服务${suffix}` }).getByRole("button", { name: "打开" }).click();
  await expect(page.getByRole("tab", { name: "流程" })).toBeVisible();
  await page.getByRole("tab", { name: "流程" }).click();
  await expect(page.locator('[data-activity-id="start"]')).toBeVisible();
  await expect(page.locator('[data-activity-id="end"]')).toBeVisible();
  await publish(page);

  // 东城区's admin sees the city's template (it may derive it) but archiving it is refused with the reason.
  const admin = await newStudioPage(browser, (p) => watch(p, watched));
  await studioSignIn(admin, "district-admin");
  // (东城区's own derivation names the city's template as its parent, so its row holds 某市总工会 too.)
  const cityLegal = admin.locator("tr", { hasText: "法律咨询" }).filter({ hasText: "某市总工会" }).filter({ hasNotText: "法律援助" }).filter({ hasNotText: "东城区总工会" });
  await cityLegal.getByRole("button", { name: "归档" }).click();
  await admin.getByRole("tooltip").getByRole("button", { name: "归档" }).click();
  await expect(admin.getByRole("alert")).toContainText("归档失败：只有模块所属组织或其上级组织的管理员，或模块的编辑者，才能归档或取消归档");
  await expect(admin.getByRole("alert")).toContainText("only an admin at 某市总工会");
  await expect(cityLegal).toHaveCount(1);
  await expect(cityLegal).not.toContainText("已归档");
});
