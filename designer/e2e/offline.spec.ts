import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./support/fixtures";

/** Waits until the Portal's service worker controls the page and has kept the signed-in worker's first answers. */
async function offlineReady(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(async () => navigator.serviceWorker.controller !== null
    && (await (await caches.open("formflow-api")).match("/api/services")) !== undefined
    && (await (await caches.open("formflow-pages")).match("/")) !== undefined), { timeout: 30_000 }).toBe(true);
}

test("offline, the Portal still opens with the hall and my cases as last seen, marked offline", async ({ open }) => {
  const worker = await open("worker");
  await offlineReady(worker);
  await worker.context().setOffline(true);

  await worker.reload();
  await expect(worker.getByRole("heading", { name: "服务大厅" })).toBeVisible();
  await expect(worker.getByRole("link", { name: /法律咨询/ })).toBeVisible();
  await expect(worker.getByText(/^当前离线：显示的是 .* 时的内容$/)).toBeVisible();
  await expectAccessible(worker);

  await worker.getByRole("link", { name: "我的办件", exact: true }).click();
  await expect(worker.getByRole("heading", { name: "我的办件" })).toBeVisible();
  await expect(worker.getByRole("alert")).toHaveCount(0);
  await expect(worker.getByText(/^当前离线/)).toBeVisible();

  await worker.context().setOffline(false);
  await worker.getByRole("link", { name: "服务大厅", exact: true }).click();
  await expect(worker.getByText(/^当前离线/)).toHaveCount(0);
});

test("an application made offline waits on the phone and is sent once when the network returns", async ({ open }) => {
  const worker = await open("worker");
  await worker.getByRole("link", { name: /法律咨询/ }).click();
  await expect(worker.getByRole("heading", { name: "法律咨询" })).toBeVisible();
  await offlineReady(worker);
  const before = await worker.evaluate(async () => (await (await fetch("/api/cases?mine=true")).json()).items.length as number);

  await worker.context().setOffline(true);
  await worker.getByRole("radio", { name: "劳动合同" }).check();
  await worker.getByLabel(/^问题描述/).fill("公司至今未与我签订书面劳动合同，已工作八个月，想了解如何维权。");
  await worker.getByLabel(/^称呼/).fill("刘洋");
  await worker.getByLabel(/^手机号码/).fill("13812345678");
  await expect(worker.getByTestId("draft-status")).toHaveText("离线：草稿已保存在本机，联网后同步");
  await worker.getByRole("button", { name: "提交" }).click();
  await expect(worker.getByText("当前离线：申请已保存在本机，联网后会自动提交一次").first()).toBeVisible();
  await expectAccessible(worker);

  await worker.context().setOffline(false);
  const sent = worker.getByRole("link", { name: /^联网后已提交您离线时保存的申请 / });
  await expect(sent).toBeVisible({ timeout: 20_000 });
  const after = await worker.evaluate(async () => (await (await fetch("/api/cases?mine=true")).json()).items.length as number);
  expect(after).toBe(before + 1);

  // Sent once: opening the Portal again online sends nothing more.
  await worker.goto(new URL("/", worker.url()).href);
  await expect(worker.getByRole("heading", { name: "服务大厅" })).toBeVisible();
  await worker.waitForLoadState("networkidle");
  expect(await worker.evaluate(async () => (await (await fetch("/api/cases?mine=true")).json()).items.length as number)).toBe(after);
  await sent.waitFor({ state: "detached" });
});

test("a draft typed offline reaches the server when the network returns, unless the draft changed elsewhere meanwhile", async ({ open }) => {
  const phone = await open("worker");
  await phone.getByRole("link", { name: /法律咨询/ }).click();
  await offlineReady(phone);
  await phone.getByLabel(/^称呼/).fill("刘洋");
  await expect(phone.getByTestId("draft-status")).toContainText("草稿已保存");

  await phone.context().setOffline(true);
  await phone.getByLabel(/^用人单位名称/).fill("华兴电子有限公司");
  await expect(phone.getByTestId("draft-status")).toHaveText("离线：草稿已保存在本机，联网后同步");
  await phone.context().setOffline(false);
  await expect(phone.getByTestId("draft-status")).toContainText("草稿已保存");

  const laptop = await open("worker");
  await laptop.getByRole("link", { name: /法律咨询/ }).click();
  await expect(laptop.getByLabel(/^用人单位名称/)).toHaveValue("华兴电子有限公司");

  // Offline on the phone while the laptop edits: the laptop's newer draft wins, and the phone says so.
  await phone.context().setOffline(true);
  await phone.getByLabel(/^用人单位名称/).fill("离线时填写的单位");
  await expect(phone.getByTestId("draft-status")).toHaveText("离线：草稿已保存在本机，联网后同步");
  await laptop.getByLabel(/^用人单位名称/).fill("笔记本上改过的单位");
  await expect(laptop.getByTestId("draft-status")).toContainText("草稿已保存");
  await phone.context().setOffline(false);
  await expect(phone.getByTestId("draft-status")).toContainText("您在其他设备上于");
  await expect(phone.getByLabel(/^用人单位名称/)).toHaveValue("笔记本上改过的单位");
});
