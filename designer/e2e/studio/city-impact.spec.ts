import { expect, expectAccessible, test, watch } from "../support/fixtures";
import { desktop, expectJoinImpact, newStudioPage, publish, settleXihuJoin, studioSignIn } from "./studio-support";

test.use(desktop);

// The demo city's join draft is version 1.1.0 with one new lock on the review step's title (samples/customisations/city.join-1.1.draft.json).
test("before publishing join 1.1 the city designer sees 东城区 upgrade cleanly and 西湖区 broken by the new lock; after the publish 西湖区's admin settles the conflict by taking the city's title", async ({ page, browser, watched }) => {
  await studioSignIn(page, "designer");
  await expectJoinImpact(page);
  await page.mouse.move(0, 0); // the pointer off the button it clicked (antd's hover colour is not what is checked here)
  await expectAccessible(page);

  expect(await publish(page)).toBe("1.1.0");
  await expect(page.locator(".ff-cascade-waiting")).toContainText("西湖区总工会");

  // 西湖区's own admin, not the city designer, settles 西湖区's module.
  const xihu = await newStudioPage(browser, p => watch(p, watched));
  await studioSignIn(xihu, "xihu-admin");
  await settleXihuJoin(xihu);
});
