// @vitest-environment happy-dom
import "./dom-setup";
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, test } from "vitest";
import { I18nProvider } from "../../src/studio/i18n/i18n";
import { ActivityPalette } from "../../src/studio/workflow-designer/ActivityPalette";
import { activitySpecs, installActivities, type ActivitySpec } from "../../src/studio/workflow-designer/activity-registry";
import { addActivity } from "../../src/studio/workflow-designer/workflow-edits";

const served = activitySpecs();
afterEach(() => {
  cleanup();
  installActivities(served);
});

const stamp: ActivitySpec = {
  type: "stamp", description: "Stamps the case.", category: "data", outcomes: ["done"],
  label: { "zh-CN": "盖章", "zh-TW": "蓋章", en: "Stamp" },
  inputs: [{ name: "text", kind: "string", required: true, description: "what the stamp says", literalOnly: false, default: "已受理" }],
};

test("the palette lists the types the server serves, by their served labels", () => {
  installActivities([stamp]);
  render(<I18nProvider initial="zh-CN"><ActivityPalette onAdd={() => {}} /></I18nProvider>);
  expect(screen.getByText("盖章")).toBeTruthy();
  expect(screen.queryByText("人工审核")).toBeNull();
});

test("the palette does not offer an activity the server cannot run", () => {
  installActivities([stamp, { ...stamp, type: "call", label: { "zh-CN": "外部调用", "zh-TW": "外部調用", en: "Call out" }, needsHost: "http" }]);
  render(<I18nProvider initial="zh-CN"><ActivityPalette onAdd={() => {}} /></I18nProvider>);
  expect(screen.getByText("盖章")).toBeTruthy();
  expect(screen.queryByText("外部调用")).toBeNull();
});

test("a new activity starts with the served defaults", () => {
  installActivities([stamp]);
  const { workflow, id } = addActivity({ id: "wf", activities: [], connections: [] }, "stamp", { x: 0, y: 0 });
  expect(workflow.activities.find((a) => a.id === id)?.inputs).toEqual({ text: "已受理" });
});
