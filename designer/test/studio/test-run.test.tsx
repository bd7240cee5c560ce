// @vitest-environment happy-dom
import "./dom-setup";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ApiError } from "../../src/studio/api/client";
import type { TestRunResult } from "../../src/studio/api/types";
import { I18nProvider } from "../../src/studio/i18n/i18n";
import { TestRunPanel } from "../../src/studio/test-run/TestRunPanel";
import { sampleWorkflow } from "./harness";

afterEach(cleanup);

const finished: TestRunResult = {
  visited: ["start", "review", "end"], status: "finished", variables: {}, timeline: [],
  generated: [{ step: "start", path: "/name", value: "示例" }],
};

function open(run: (data: unknown, outcomes: Record<string, string>, fillMissing: boolean) => Promise<TestRunResult>) {
  render(<I18nProvider initial="en"><TestRunPanel workflow={sampleWorkflow} run={run} onResult={() => {}} /></I18nProvider>);
}

describe("the test-run panel", () => {
  test("missing required fields come back as field errors naming the step; asked to fill them, the generated values are listed", async () => {
    const run = vi.fn(async (_data: unknown, _outcomes: Record<string, string>, fillMissing: boolean) => {
      if (!fillMissing) throw new ApiError(422, "The sample data is not valid", "at step 'start': /name: is required (required)",
        [{ path: "/name", rule: "required", message: "is required", step: "start" }]);
      return finished;
    });
    open(run);
    fireEvent.change(screen.getByLabelText("Sample data (JSON)"), { target: { value: '{"age": 30}' } });
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    const errors = await waitFor(() => {
      const found = document.querySelector(".ff-test-errors");
      expect(found).not.toBeNull();
      return found!;
    });
    expect(errors.textContent).toBe("start /name: is required");
    expect(run).toHaveBeenLastCalledWith({ age: 30 }, {}, false);

    fireEvent.click(screen.getByRole("checkbox", { name: "Fill missing required fields with generated sample values" }));
    fireEvent.click(screen.getByRole("button", { name: "Run" }));
    await screen.findByTestId("test-status");
    expect(run).toHaveBeenLastCalledWith({ age: 30 }, {}, true);
    expect(document.querySelector(".ff-test-errors")).toBeNull();
    expect(document.querySelector(".ff-test-generated")!.textContent).toBe('start /name: "示例"');
  });
});
