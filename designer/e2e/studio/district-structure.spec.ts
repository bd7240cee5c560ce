import { expect, test } from "../support/fixtures";
import { chooseOption, desktop, openModule, pickInSelect, publish, studioSignIn } from "./studio-support";

test.use(desktop);

test("the district admin adds a field, hides another, is refused hiding a locked one, inserts a step, and publishes", async ({ page }) => {
  await studioSignIn(page, "district-admin");
  // 东城区's own join module (demo data: derived from the city's template, with the district's customisations).
  await openModule(page, "入会申请", "东城区总工会");
  await expect(page.getByRole("tab", { name: "定制" })).toHaveAttribute("aria-selected", "true");

  // A field in the employment section, which the city locked "additions only".
  await pickInSelect(page, page.getByLabel("添加到栏目"), "入会申请 / 申请人信息 / 就业情况");
  await page.getByLabel("字段名称").fill("所在工会小组");
  await page.getByRole("button", { name: "添加字段" }).click();
  // New IDs count up past those the module already has: the city's own additions (other specs publish some, and
  // they reach this district by automatic upgrade) come first.
  const added = page.locator("tr", { has: page.locator('[data-status="added"]'), hasText: "所在工会小组" });
  await expect(added).toBeVisible();
  await expect(page.locator(".ff-overlay-diff")).toContainText(/\+ field\d+ → employment/);

  // Hiding the resident ID is refused: the city made it non-removable.
  const search = page.locator(".ff-customisation").getByPlaceholder("搜索");
  await search.fill("residentId");
  await page.locator('tr[data-row-key="residentId"]').getByRole("button", { name: "隐藏" }).click();
  const refusal = page.locator('tr[data-row-key="residentId"] .ff-refusal');
  await expect(refusal).toContainText("不能删除或隐藏");
  await expect(refusal).toContainText("某市总工会");

  // The e-mail field can go.
  await search.fill("email");
  await page.locator('tr[data-row-key="email"]').getByRole("button", { name: "隐藏" }).click();
  await expect(page.locator('tr[data-row-key="email"] [data-status="hidden"]')).toBeVisible();
  await expect(page.locator(".ff-overlay-diff")).toContainText("− email");

  // A district review step after approval, at the extension point the city opened there.
  await pickInSelect(page, page.getByLabel("扩展点"), "afterApproval · recordHandler → steps after approval, before the member card is issued (e.g. an orientation talk)");
  await page.getByLabel("步骤名称").fill("区总工会复核");
  await page.getByRole("button", { name: "插入步骤" }).click();
  const insertion = page.locator(".ff-overlay-diff li", { hasText: /\+ userTask\d+ → afterApproval/ });
  await expect(insertion).toBeVisible();
  const stepId = (await insertion.textContent())!.match(/userTask\d+/)![0];

  await publish(page);

  // The resolved module after a fresh load: the phone preview has the new field and not the hidden one; the canvas
  // has the new step.
  await page.reload();
  await openModule(page, "入会申请", "东城区总工会");
  await page.getByRole("tab", { name: /^表单/ }).click();
  const preview = page.getByTestId("phone-preview");
  await expect(preview.getByText("所在工会小组")).toBeVisible();
  await expect(preview.getByText("手机号码（接收审核短信）")).toBeVisible();
  await expect(preview.getByText("电子邮箱")).toHaveCount(0);
  await page.getByRole("tab", { name: "流程" }).click();
  await expect(page.locator(`[data-activity-id="${stepId}"]`)).toContainText("区总工会复核");
});

test("the district admin moves a field up and into another section, sees the order after a reload, and is refused moving a locked one", async ({ page }) => {
  await studioSignIn(page, "district-admin");
  await openModule(page, "入会申请", "东城区总工会");
  const outline = page.locator(".ff-structure-order");
  const row = (id: string) => outline.locator(`.ff-order-row[data-element="${id}"]`);
  /** The element IDs listed under a section of the outline, in the order shown. */
  const fieldsIn = (section: string) => outline.locator(`.ff-order-row[data-element="${section}"] ~ ul > li > .ff-order-row`)
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-element")));
  const before = (ids: (string | null)[], a: string, b: string) => ids.includes(a) && ids.includes(b) && ids.indexOf(a) < ids.indexOf(b);

  // 性别 comes after 年龄 in the city's template; one step up puts it before.
  expect(before(await fieldsIn("identity"), "age", "sex")).toBe(true);
  await row("sex").getByRole("button", { name: "上移" }).click();
  await expect.poll(async () => before(await fieldsIn("identity"), "sex", "age")).toBe(true);
  await expect(page.locator(".ff-overlay-diff")).toContainText("↷ sex → identity，在 age 之前");
  await expect(row("sex")).toContainText("本级移动");

  // 现居住地 goes to the end of the work history section.
  // The select is an action: once a section is picked the field moves and the select shows "移动到…" again.
  await row("region").getByLabel("移动到…").click();
  await chooseOption(page, "申请人信息 / 工作经历");
  await expect.poll(async () => (await fieldsIn("history")).at(-1)).toBe("region");
  expect(await fieldsIn("identity")).not.toContain("region");
  await expect(page.locator(".ff-overlay-diff")).toContainText("↷ region → history");

  // The employer stays where the city put it: the employment section takes additions only.
  const employment = await fieldsIn("employment");
  await row("employer").getByRole("button", { name: "下移" }).click();
  const refusal = outline.locator(".ff-refusal");
  await expect(refusal).toContainText("就业情况栏目由市总工会统一，下级可增加字段");
  await expect(refusal).toContainText("某市总工会");
  expect(await fieldsIn("employment")).toEqual(employment);

  // After a reload the moves are still there: in the outline, in the element list and in the phone preview.
  await page.reload();
  await openModule(page, "入会申请", "东城区总工会");
  await expect.poll(async () => before(await fieldsIn("identity"), "sex", "age")).toBe(true);
  expect((await fieldsIn("history")).at(-1)).toBe("region");
  await page.locator(".ff-customisation").getByPlaceholder("搜索").fill("sex");
  await expect(page.locator('tr[data-row-key="sex"] [data-status="overridden"]')).toHaveText("本级修改");
  await page.getByRole("tab", { name: /^表单/ }).click();
  const preview = page.getByTestId("phone-preview");
  // Labels as the phone shows them (a required one carries a " *").
  const label = (text: string) => preview.getByText(new RegExp(`^${text}( \\*)?$`)).first();
  const precedes = async (a: string, b: string) => label(a)
    .evaluate((x, y) => Boolean(x.compareDocumentPosition(y!) & Node.DOCUMENT_POSITION_FOLLOWING), await label(b).elementHandle());
  await expect(label("现居住地（区县）")).toBeVisible();
  expect(await precedes("性别", "年龄")).toBe(true);
  expect(await precedes("工作经历", "现居住地（区县）")).toBe(true);
});
