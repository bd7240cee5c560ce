import { test } from "../support/fixtures";
import { desktop, publishJoinAndSettleXihu, studioSignIn } from "./studio-support";

test.use(desktop);

// The demo city's join draft is version 1.1.0 with one new lock on the review step's title (samples/customisations/city.join-1.1.draft.json).
test("before publishing join 1.1 the city designer sees 东城区 upgrade cleanly and 西湖区 broken by the new lock; after the publish 西湖区's admin settles the conflict by taking the city's title", async ({ page, browser, watched }) => {
  await studioSignIn(page, "designer");
  await publishJoinAndSettleXihu(page, browser, watched);
});
