import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../support/fixtures";
import { createBlankModule, desktop, publish, studioSignIn } from "./studio-support";

test.use(desktop);

/** Presses Tab (or Shift+Tab) until the focused element's accessible name contains `name`; fails after `limit` presses. */
async function tabTo(page: Page, name: string | RegExp, { backwards = false, limit = 60 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const focused = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return e ? `${e.getAttribute("aria-label") ?? ""} ${e.innerText ?? ""}` : "";
    });
    if (typeof name === "string" ? focused.includes(name) : name.test(focused)) return;
  }
  throw new Error(`no element named ${name} within ${limit} presses of ${backwards ? "Shift+Tab" : "Tab"}`);
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");

/**
 * Builds start → 线下办理 → end in a new blank module with the keyboard alone: the palette adds the step, Tab moves
 * between steps and connections (a visible ring), Delete removes the focused connection (Ctrl+Z brings it back),
 * C opens "connect to…" on the focused step, and a live region says what happened. Then it publishes.
 */
test("a designer builds and publishes a three-step workflow with the keyboard alone", async ({ page }) => {
  const suffix = Date.now().toString(36);
  await studioSignIn(page, "designer");
  await createBlankModule(page, `keys-${suffix}`, `键盘服务${suffix}`);
  await page.locator("tr", { hasText: `键盘服务${suffix}` }).getByRole("button", { name: "打开" }).click();
  await page.getByRole("tab", { name: "流程", exact: true }).click();
  const canvas = page.getByTestId("workflow-canvas");
  const announcement = page.getByTestId("canvas-announcement");
  await expect(canvas.locator(".react-flow__node")).toHaveCount(2);
  await expect(canvas.locator('.react-flow__edge[data-id="start:done->end"]')).toHaveCount(1);

  // Add a step from the palette: filter it, Tab to the item, Enter. The new step takes the focus.
  await page.locator(".ff-palette input").focus();
  await page.keyboard.type("线下");
  await tabTo(page, "线下办理");
  await page.keyboard.press("Enter");
  await expect(announcement).toHaveText(/^已添加步骤 /);
  const offline = canvas.locator('.react-flow__node[data-id="offlineHandling"]');
  await expect(offline).toBeFocused();
  await expect(offline).toHaveAttribute("aria-label", /^步骤 offlineHandling（线下办理），结果 done 未连接$/);
  // What a screen reader adds about the keys, in the Studio's language.
  await expect(page.locator(`[id="${await offline.getAttribute("aria-describedby")}"]`)).toContainText("C 连接到…");
  // The focus ring is visible.
  expect(await offline.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe("solid");

  // Tab back to the start → end connection and delete it; Ctrl+Z brings it back, Delete again removes it.
  await tabTo(page, "连线 start，结果 done → end", { backwards: true });
  const startToEnd = canvas.locator('.react-flow__edge[data-id="start:done->end"]');
  await expect(startToEnd).toBeFocused();
  await page.keyboard.press("Delete");
  await expect(startToEnd).toHaveCount(0);
  await expect(announcement).toHaveText("已删除 连线 start，结果 done → end，按 Ctrl+Z 撤销");
  await expect(canvas).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect(startToEnd).toHaveCount(1);
  await tabTo(page, "连线 start，结果 done → end");
  await page.keyboard.press("Delete");
  await expect(startToEnd).toHaveCount(0);

  // Connect start → 线下办理 and 线下办理 → end with "connect to…" (C) on the focused step.
  await tabTo(page, "步骤 start");
  await page.keyboard.press("c");
  let dialog = page.getByRole("dialog", { name: "连接 start" });
  await expect(dialog.getByRole("radio", { name: "done" })).toBeChecked();
  await expect(dialog.getByLabel("目标步骤")).toBeFocused();
  await page.keyboard.type("offline");
  await page.keyboard.press("Enter");
  await expectAccessible(page);
  await tabTo(page, /确\s*定/);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(announcement).toHaveText("已连接：start 的结果 done → offlineHandling");
  await expect(canvas.locator('.react-flow__edge[data-id="start:done->offlineHandling"]')).toHaveCount(1);
  await expect(canvas.locator('.react-flow__node[data-id="start"]')).toBeFocused();

  await tabTo(page, "步骤 offlineHandling");
  await page.keyboard.press("c");
  dialog = page.getByRole("dialog", { name: "连接 offlineHandling" });
  await expect(dialog.getByLabel("目标步骤")).toBeFocused();
  await page.keyboard.type("end");
  await page.keyboard.press("Enter");
  await tabTo(page, /确\s*定/);
  await page.keyboard.press("Enter");
  await expect(canvas.locator('.react-flow__edge[data-id="offlineHandling:done->end"]')).toHaveCount(1);
  expect(await focusedName(page)).toBe("步骤 offlineHandling（线下办理），结果 done → end");
  await expect(page.locator(".ff-problem-count")).toHaveCount(0, { timeout: 15_000 });
  await expectAccessible(page);

  const version = await publish(page);
  await expect(page.locator("tr", { hasText: version })).toBeVisible();
});

/** Every rendered connection's path, sampled every 4 px, against every step's box (in flow coordinates). */
async function connectionsBehindSteps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>(".react-flow__node")].map((n) => {
      const [x, y] = (n.style.transform.match(/-?[\d.]+/g) ?? ["0", "0"]).map(Number);
      return { id: n.dataset.id!, x, y, width: n.offsetWidth, height: n.offsetHeight };
    });
    const found: string[] = [];
    for (const edge of document.querySelectorAll<SVGGElement>(".react-flow__edge")) {
      const path = edge.querySelector<SVGPathElement>("path.react-flow__edge-path")!;
      const [source, target] = edge.dataset.id!.split(/:|->/).filter((_, i) => i !== 1);
      for (let at = 0; at <= path.getTotalLength(); at += 4) {
        const p = path.getPointAtLength(at);
        const inside = boxes.find((b) => b.id !== source && b.id !== target && p.x > b.x + 1 && p.x < b.x + b.width - 1 && p.y > b.y + 1 && p.y < b.y + b.height - 1);
        if (inside) { found.push(`${edge.dataset.id} behind ${inside.id}`); break; }
      }
    }
    return found;
  });
}

test("the join workflow opens readable on a 1440×900 screen, and after auto layout no connection passes behind a step", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await studioSignIn(page, "designer");
  await page.getByRole("menuitem", { name: "模块库" }).click();
  await page.locator("tr", { hasText: "入会申请" }).first().getByRole("button", { name: "打开" }).click();
  await page.getByRole("tab", { name: "流程", exact: true }).click();
  const canvas = page.getByTestId("workflow-canvas");
  const start = canvas.locator('.react-flow__node[data-id="start"]');
  await expect(start).toBeVisible();

  // The title's font size times the canvas zoom: what the eye gets on screen.
  const onScreen = async () => {
    const zoom = await canvas.locator(".react-flow__viewport").evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);
    const font = await canvas.locator(".ff-node-title").first().evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
    return zoom * font;
  };
  await expect.poll(onScreen).toBeGreaterThanOrEqual(12);
  // It opens at the start step, inside the canvas.
  const [frame, startBox] = [await canvas.boundingBox(), await start.boundingBox()];
  expect(startBox!.x).toBeGreaterThanOrEqual(frame!.x);
  expect(startBox!.y).toBeGreaterThanOrEqual(frame!.y);
  expect(startBox!.y + startBox!.height).toBeLessThanOrEqual(frame!.y + frame!.height);

  await page.getByRole("button", { name: "自动布局" }).click();
  // The shipped join's 26 connections at least (specs before this one on the shared server may have published more).
  await expect.poll(() => canvas.locator(".react-flow__edge").count()).toBeGreaterThanOrEqual(26);
  await expect.poll(() => connectionsBehindSteps(page)).toEqual([]);
});
