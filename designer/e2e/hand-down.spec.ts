import { test } from "./support/fixtures";
import { handDownAndFollow } from "./support/hand-down";

/**
 * A case handed down, on phones (390×844, axe on each page, console errors fail the test): 东城区's lawyer hands a
 * worker's legal question down to 和平街道 with a reason and a deadline; 和平街道's lawyer finds it in the inbox and
 * answers it, 建设街道's lawyer never sees it, and the worker follows the case to its end.
 */
test("东城区 hands a legal question down to 和平街道, whose lawyer answers it; 建设街道 never sees it; the worker follows it to the end", async ({ open }) => {
  await handDownAndFollow(open);
});
