import { afterAll, afterEach, expect } from "vitest";

// Runs after each file's own cleanup: a test must leave no React root behind. One that outlives the test (antd's static
// message renders into a root of its own) commits later, outside act, and its passive effects ran after Vitest had
// removed the DOM globals: CI failed twice on "window is not defined" after lock-authoring.test.tsx.
afterEach(() => {
  if (typeof document === "undefined") return;
  expect([...document.body.children].map((left) => left.className || left.tagName), "left in the page after cleanup").toEqual([]);
});

// React flushes a commit's passive effects in a task it queues with setImmediate. Let one queued by a file's last
// render run while the DOM is still there.
afterAll(async () => {
  if (typeof window === "undefined") return;
  await new Promise((resolve) => setTimeout(resolve, 20));
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
});
