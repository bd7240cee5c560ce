import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "../support/fixtures";
import { desktop, studioSignIn } from "./studio-support";

test.use(desktop);

const breakdown = (page: Page) => page.locator(".ff-figures-breakdown");
const path = (page: Page) => page.locator(".ff-org-path");
const here = (page: Page) => path(page).locator("[aria-current=page]");

/** The city designer (陈静, 某市总工会) reads the figures of the city's unions from the Studio's dashboard. */
test("the city drills down to a grassroots union and back, ranks the grassroots unions by on-time rate and exports the ranking", async ({ page }) => {
  await studioSignIn(page, "designer");
  await page.getByRole("menuitem", { name: "统计看板" }).click();
  await expect(here(page)).toHaveText("某市总工会");
  await expect(page.getByRole("button", { name: "上一级" })).toBeDisabled();
  await expect(breakdown(page).getByRole("columnheader", { name: "按期率" })).toBeVisible();
  await expectAccessible(page);

  // Down: city → district → street → grassroots union; the breadcrumb follows.
  await breakdown(page).getByRole("link", { name: "东城区总工会" }).click();
  await expect(here(page)).toHaveText("东城区总工会");
  await expect(breakdown(page).getByRole("link", { name: "西湖区总工会" })).toHaveCount(0);
  await breakdown(page).getByRole("link", { name: "和平街道总工会" }).click();
  await expect(here(page)).toHaveText("和平街道总工会");
  await breakdown(page).getByRole("link", { name: "华兴电子有限公司工会" }).click();
  await expect(here(page)).toHaveText("华兴电子有限公司工会");
  await expect(path(page)).toHaveText(/某市总工会.*东城区总工会.*和平街道总工会.*华兴电子有限公司工会/);
  await expect(breakdown(page).locator("tbody tr.ant-table-row")).toHaveCount(1); // its own work only: no child unions

  // Up: 上一级 goes to the parent the server names, the breadcrumb back to the city.
  await page.getByRole("button", { name: "上一级" }).click();
  await expect(here(page)).toHaveText("和平街道总工会");
  await expect(breakdown(page).getByRole("link", { name: "某市第一人民医院工会" })).toBeVisible();
  await path(page).getByRole("link", { name: "某市总工会" }).click();
  await expect(here(page)).toHaveText("某市总工会");
  await expect(page.getByRole("button", { name: "上一级" })).toBeDisabled();

  // The grassroots unions under the city, ranked by on-time rate, lowest first (two clicks: descending, then ascending).
  const ranking = page.locator(".ff-figures-ranking");
  // The demo's four, and any other specs on the shared server have added since.
  await expect.poll(() => ranking.locator("tbody tr.ant-table-row").count()).toBeGreaterThanOrEqual(4);
  const rateHeader = ranking.getByRole("columnheader", { name: "按期率" });
  const sorted = page.waitForResponse((r) => r.url().includes("/api/stats/figures/ranking") && r.url().includes("sort=onTimeRate") && r.url().includes("order=asc"));
  await rateHeader.click();
  await expect(rateHeader).toHaveAttribute("aria-sort", "descending");
  await rateHeader.click();
  await expect(rateHeader).toHaveAttribute("aria-sort", "ascending");
  const answer = await (await sorted).json() as { rows: { org: { name: string }; figures: { onTimeRate: number | null } }[] };
  const shown = await ranking.locator("tbody tr.ant-table-row td:nth-child(2)").allTextContents();
  expect(shown).toEqual(answer.rows.map((r) => r.org.name));
  const rates = answer.rows.map((r) => r.figures.onTimeRate).filter((r): r is number => r !== null);
  expect(rates).toEqual([...rates].sort((a, b) => a - b));
  await expectAccessible(page);

  // The ranking's 导出 Excel downloads the ranking as xlsx, sorted as on screen.
  const link = page.getByRole("link", { name: "导出 Excel: 排名" });
  await expect(link).toHaveAttribute("href", /view=ranking.*sort=onTimeRate&order=asc/);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^formflow-figures-ranking-\d+-\d{8}\.xlsx$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe("PK"); // a zip: the xlsx container
});
