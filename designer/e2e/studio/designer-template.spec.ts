import { expect, test } from "../support/fixtures";
import { chooseOption, desktop, openModule, publish, studioSignIn } from "./studio-support";

test.use(desktop);

test("the designer adds a field with a visibleIf rule and a new review step to the join template, then publishes", async ({ page }) => {
  await studioSignIn(page, "designer");
  await openModule(page, "入会申请");

  // Form: a new text field shown only for platform workers; the rule is checked as typed and acts on the preview.
  await page.getByRole("tab", { name: /表单/ }).click();
  await page.locator('[data-field-type="text"]').dragTo(page.locator('[data-section="employment"]'));
  const label = page.getByLabel("标题 zh-CN");
  await label.fill("平台工号");
  const rule = page.getByLabel("显示条件");
  await rule.fill("data.employmentType ===");
  await expect(page.locator(".ff-expression-error").first()).toBeVisible();
  await rule.fill("data.employmentType === 'platform'");
  await expect(page.getByText("表达式正确").first()).toBeVisible();
  const preview = page.getByTestId("phone-preview");
  await expect(preview.getByText("平台工号")).toHaveCount(0);
  await page.getByLabel("测试数据（JSON）").fill('{"employmentType": "platform"}');
  await expect(preview.getByText("平台工号")).toBeVisible();

  // Workflow: a second review step after the grassroots review, connected by dragging from the approve port.
  await page.getByRole("tab", { name: "流程" }).click();
  await page.locator('[data-activity-type="userTask"]').dragTo(page.getByTestId("workflow-canvas"), { targetPosition: { x: 700, y: 450 } });
  const newNode = page.locator('[data-activity-id="userTask"]');
  await expect(newNode).toBeVisible();
  await page.getByLabel("title").fill("街道复核");
  await expect(newNode).toContainText("街道复核");
  await page.locator('.react-flow__node[data-id="review"] .react-flow__handle[data-handleid="approve"]')
    .dragTo(page.locator('.react-flow__node[data-id="userTask"] .react-flow__handle.target'));
  await expect(page.locator('.react-flow__edge[data-id="review:approve->userTask"]')).toHaveCount(1);
  await newNode.click();
  await page.getByRole("combobox", { name: "approve →" }).click();
  await chooseOption(page, "recordHandler (recordHandler)", "recordHandler");
  await page.getByRole("combobox", { name: "reject →" }).click();
  await chooseOption(page, "markRejected (markRejected)", "markRejected");
  await expect(page.locator(".ff-problem-count")).toHaveCount(0, { timeout: 15_000 });

  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("已保存")).toBeVisible();
  const version = await publish(page);
  expect(version).not.toBe("1.0.0");
  await expect(page.locator("tr", { hasText: version })).toBeVisible();
});

test("a test run of the join template highlights the path on the canvas and shows the resulting data", async ({ page }) => {
  await studioSignIn(page, "designer");
  await openModule(page, "入会申请");
  await page.getByRole("tab", { name: "试运行" }).click();
  await page.getByLabel("样例数据（JSON）").fill(JSON.stringify({ name: "张三", residentId: "11010519491231002X", mobile: "13800138000", region: "110101",
    employer: "某公司", employmentType: "fullTime", consent: true, signature: { id: "f1", name: "s.png", size: 1, contentType: "image/png" } }));
  await page.getByLabel("各步骤选择的结果 review").click();
  await chooseOption(page, "approve");
  await page.getByRole("button", { name: "试运行" }).last().click();
  await expect(page.locator(".ff-test-path")).toContainText("review");
  await expect(page.locator('.ff-node-visited[data-activity-id="review"]')).toBeVisible();
  await expect(page.locator('.ff-node-visited[data-activity-id="issueCard"]')).toBeVisible();
  await expect(page.locator('.ff-node-visited[data-activity-id="markRejected"]')).toHaveCount(0);
});
