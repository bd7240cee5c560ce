// @vitest-environment happy-dom
import "./dom-setup";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { WorkflowDefinition } from "../../src/studio/workflow-designer/workflow-definition";
import { sampleWorkflow, WorkflowHarness } from "./harness";

afterEach(cleanup);

function setup(initial: WorkflowDefinition = sampleWorkflow, extra: Record<string, unknown> = {}) {
  const latest: { current: WorkflowDefinition } = { current: initial };
  const view = render(<WorkflowHarness initial={initial} onState={(w) => { latest.current = w; }} {...extra} />);
  return { latest, view, canvas: screen.getByTestId("workflow-canvas") };
}

const node = (id: string) => document.querySelector(`[data-activity-id="${id}"]`);

function dropActivity(canvas: HTMLElement, type: string) {
  fireEvent.drop(canvas, { clientX: 300, clientY: 200, dataTransfer: { getData: (t: string) => (t === "application/x-formflow-activity" ? type : ""), dropEffect: "move" } });
}

describe("workflow designer", () => {
  test("dropping a palette item on the canvas adds an activity node", async () => {
    const { latest, canvas } = setup();
    expect(node("notify")).toBeNull();
    dropActivity(canvas, "notify");
    await waitFor(() => expect(node("notify")).not.toBeNull());
    expect(latest.current.activities.map((a) => a.id)).toEqual(["start", "review", "end", "notify"]);
    expect(latest.current.activities[3].inputs).toMatchObject({ channel: "sms", template: "notice" });
  });

  test("undo removes the dropped node and redo brings it back (buttons and Ctrl+Z / Ctrl+Y)", async () => {
    const { latest, canvas } = setup();
    dropActivity(canvas, "delay");
    await waitFor(() => expect(node("delay")).not.toBeNull());
    fireEvent.keyDown(canvas, { key: "z", ctrlKey: true });
    await waitFor(() => expect(node("delay")).toBeNull());
    expect(latest.current.activities).toHaveLength(3);
    fireEvent.keyDown(canvas, { key: "y", ctrlKey: true });
    await waitFor(() => expect(node("delay")).not.toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(node("delay")).toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "Redo" }));
    await waitFor(() => expect(node("delay")).not.toBeNull());
  });

  test("selecting a node opens its properties; editing the title shows on the node", async () => {
    const { latest } = setup();
    fireEvent.click(node("review")!);
    const title = await screen.findByLabelText("title");
    fireEvent.change(title, { target: { value: "街道复核" } });
    await waitFor(() => expect(node("review")!.textContent).toContain("街道复核"));
    expect(latest.current.activities[1].inputs!.title).toBe("街道复核");
  });

  test("a title computed by an expression (the legal template's lawyer step) opens: the node shows its ID, the panel the expression", async () => {
    const initial: WorkflowDefinition = { ...sampleWorkflow, activities: sampleWorkflow.activities.map((a) => a.id === "review"
      ? { ...a, inputs: { ...a.inputs, title: { expression: "'法律咨询：' + input.contactName" } } } : a) };
    setup(initial);
    await waitFor(() => expect(node("review")!.textContent).toContain("review"));
    fireEvent.click(node("review")!);
    expect(await screen.findByDisplayValue("'法律咨询：' + input.contactName")).toBeTruthy();
  });

  test("connecting a port to a new review step through the property panel adds the connection", async () => {
    const initial: WorkflowDefinition = { ...sampleWorkflow, activities: [...sampleWorkflow.activities,
      { id: "review2", type: "userTask", inputs: { title: "复核", assignTo: { role: "reviewer" }, outcomes: ["approve"] }, layout: { x: 250, y: 200 } }] };
    const { latest } = setup(initial);
    fireEvent.click(node("review")!);
    const reject = await screen.findByLabelText("reject →");
    fireEvent.mouseDown(reject);
    fireEvent.click(await screen.findByTitle("复核 (review2)"));
    await waitFor(() => expect(latest.current.connections).toContainEqual({ source: "review", outcome: "reject", target: "review2" }));
    await waitFor(() => expect(document.querySelector('[data-id="review:reject->review2"]')).not.toBeNull());
  });

  test("an expression outside the allowed subset is flagged on the property and on the node as you type", async () => {
    const initial: WorkflowDefinition = { id: "wf", activities: [
      { id: "start", type: "start" }, { id: "adult", type: "decision", inputs: { condition: { expression: "input.age >= 16" } } }, { id: "end", type: "end" }],
    connections: [{ source: "start", target: "adult" }, { source: "adult", outcome: "true", target: "end" }, { source: "adult", outcome: "false", target: "end" }] };
    setup(initial);
    fireEvent.click(node("adult")!);
    const input = await screen.findByLabelText("condition");
    expect(screen.getByText("Expression is fine")).toBeTruthy();
    fireEvent.change(input, { target: { value: "window.alert(1)" } });
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"));
    expect(document.querySelector(".ff-expression-error")!.textContent).toMatch(/window/);
    await waitFor(() => expect(node("adult")!.querySelector(".ff-node-problems")?.textContent).toMatch(/⚠ [1-9]/));
    expect(node("adult")!.getAttribute("title")).toMatch(/^condition: .*window/);
    fireEvent.change(input, { target: { value: "input.age >= 18" } });
    await waitFor(() => expect(node("adult")!.querySelector(".ff-node-problems")).toBeNull());
  });

  test("the server's validation errors show on the node and under the property", async () => {
    const validate = vi.fn(async () => [{ activityId: "review", property: "outcomes", message: "port 'reject' has no connection" }]);
    setup(sampleWorkflow, { validate });
    await waitFor(() => expect(validate).toHaveBeenCalled(), { timeout: 2000 });
    await waitFor(() => expect(node("review")!.getAttribute("title")).toContain("port 'reject' has no connection"));
    fireEvent.click(node("review")!);
    expect(await screen.findByText("port 'reject' has no connection")).toBeTruthy();
  });

  test("copy and paste duplicate the selected activity with a fresh ID", async () => {
    const { latest, canvas } = setup();
    fireEvent.click(node("review")!);
    await screen.findByLabelText("title");
    fireEvent.keyDown(canvas, { key: "c", ctrlKey: true });
    fireEvent.keyDown(canvas, { key: "v", ctrlKey: true });
    await waitFor(() => expect(node("review2")).not.toBeNull());
    expect(latest.current.activities.find((a) => a.id === "review2")!.inputs!.title).toBe("审核");
  });

  test("Delete removes the selected activity with its connections", async () => {
    const { latest, canvas } = setup();
    fireEvent.click(node("review")!);
    await screen.findByLabelText("title");
    fireEvent.keyDown(canvas, { key: "Delete" });
    await waitFor(() => expect(node("review")).toBeNull());
    expect(latest.current.connections).toEqual([]);
  });

  test("auto layout places every activity left to right", async () => {
    const stacked: WorkflowDefinition = { ...sampleWorkflow, activities: sampleWorkflow.activities.map((a) => ({ ...a, layout: { x: 0, y: 0 } })) };
    const { latest } = setup(stacked);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Auto layout" })));
    const xs = latest.current.activities.map((a) => a.layout!.x);
    expect(xs[0]).toBeLessThan(xs[1]);
    expect(xs[1]).toBeLessThan(xs[2]);
  });

  test("the JSON view applies an edited definition", async () => {
    const { latest } = setup();
    fireEvent.click(screen.getByRole("button", { name: "JSON view" }));
    const box = await screen.findByLabelText("JSON view", { selector: "textarea" });
    const edited = { ...sampleWorkflow, name: "edited in JSON" };
    fireEvent.change(box, { target: { value: JSON.stringify(edited) } });
    fireEvent.click(within(document.querySelector(".ant-modal")! as HTMLElement).getByRole("button", { name: "Apply JSON" }));
    await waitFor(() => expect(latest.current.name).toBe("edited in JSON"));
  });
});
