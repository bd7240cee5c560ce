import { afterAll } from "vitest";

// React flushes a commit's passive effects in a task it queues with setImmediate. One queued by a file's last render
// (a fetch or an antd animation settling after the last assertion) would run after Vitest has removed the DOM globals
// and fail the run with "window is not defined" (seen once in CI, after lock-authoring.test.tsx). Let such late work
// run while the DOM is still there.
afterAll(async () => {
  if (typeof window === "undefined") return;
  await new Promise((resolve) => setTimeout(resolve, 20));
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
});
