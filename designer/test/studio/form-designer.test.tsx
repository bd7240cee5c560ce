// @vitest-environment happy-dom
import "./dom-setup";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import type { FormDefinition } from "../../src/forms";
import type { ModuleDocument } from "../../src/studio/api/types";
import { withProperty } from "../../src/studio/customisation/element-index";
import { FormDesigner } from "../../src/studio/form-designer/FormDesigner";
import { useHistory } from "../../src/studio/history/use-history";
import { I18nProvider } from "../../src/studio/i18n/i18n";

afterEach(cleanup);

const form: FormDefinition = {
  id: "f", version: "1", title: { "zh-CN": "测试表单" },
  pages: [{ id: "p1", title: { "zh-CN": "第一页" }, sections: [{ id: "s1", title: { "zh-CN": "基本信息" }, fields: [
    { id: "employed", key: "employed", type: "boolean", label: { "zh-CN": "在职", en: "Employed" } },
  ] }] }],
};

function Harness({ onState }: { onState(f: FormDefinition): void }) {
  const history = useHistory(form);
  onState(history.present);
  const asModule = () => ({ forms: [history.present], settings: {}, locks: [], extensionPoints: [] } as unknown as ModuleDocument);
  return (
    <I18nProvider initial="en">
      <FormDesigner form={history.present} onChange={history.commit}
        setProperty={(id, pointer, value, merge) => { history.commit(withProperty(asModule(), id, pointer, value).forms[0], merge); return undefined; }} />
    </I18nProvider>
  );
}

function setup() {
  const latest: { current: FormDefinition } = { current: form };
  render(<Harness onState={(f) => { latest.current = f; }} />);
  return latest;
}

const outlineRow = (id: string) => document.querySelector<HTMLElement>(`.ff-outline [data-element="${id}"]`);
const previewField = (key: string) => document.querySelector(`[data-testid="phone-preview"] [data-field="ff-${key}"]`);

describe("form designer", () => {
  test("dropping a palette field into a section adds it to the outline and the phone preview", async () => {
    const latest = setup();
    const section = document.querySelector<HTMLElement>('[data-section="s1"]')!;
    fireEvent.drop(section, { dataTransfer: { getData: (t: string) => (t === "application/x-formflow-field" ? "text" : "") } });
    await waitFor(() => expect(outlineRow("field1")).not.toBeNull());
    expect(latest.current.pages[0].sections[0].fields.map((f) => f.id)).toEqual(["employed", "field1"]);
    expect(previewField("field1")).not.toBeNull();
  });

  test("editing a label per locale shows in the outline and the preview", async () => {
    const latest = setup();
    fireEvent.click(outlineRow("employed")!);
    fireEvent.change(await screen.findByLabelText("Label en"), { target: { value: "Currently employed" } });
    await waitFor(() => expect(outlineRow("employed")!.textContent).toContain("Currently employed"));
    expect(latest.current.pages[0].sections[0].fields[0].label).toEqual({ "zh-CN": "在职", en: "Currently employed" });
    expect(previewField("employed")!.textContent).toContain("Currently employed");
  });

  test("a visibleIf rule is checked as you type and then acts on the preview's test data", async () => {
    const latest = setup();
    const section = document.querySelector<HTMLElement>('[data-section="s1"]')!;
    fireEvent.drop(section, { dataTransfer: { getData: (t: string) => (t === "application/x-formflow-field" ? "text" : "") } });
    await waitFor(() => expect(outlineRow("field1")).not.toBeNull());
    const rule = await screen.findByLabelText("Visible if");
    fireEvent.change(rule, { target: { value: "data.employed ===" } });
    await waitFor(() => expect(rule.getAttribute("aria-invalid")).toBe("true"));
    expect(document.querySelector(".ff-expression-error")!.textContent).toMatch(/\(1:\d+\)/);
    fireEvent.change(rule, { target: { value: "data.employed === true" } });
    await waitFor(() => expect(rule.getAttribute("aria-invalid")).toBe("false"));
    expect(latest.current.pages[0].sections[0].fields[1].visibleIf).toBe("data.employed === true");
    await waitFor(() => expect(previewField("field1")).toBeNull());
    fireEvent.change(screen.getByLabelText("Test data (JSON)"), { target: { value: '{"employed": true}' } });
    await waitFor(() => expect(previewField("field1")).not.toBeNull());
  });

  test("a required rule shows the runtime's error in the preview until the test data fills it", async () => {
    setup();
    fireEvent.click(outlineRow("employed")!);
    fireEvent.click(await screen.findByRole("switch", { name: "Required" }));
    await waitFor(() => expect(document.querySelector(".ff-preview-errors")?.textContent).toContain("/employed"));
    fireEvent.change(screen.getByLabelText("Test data (JSON)"), { target: { value: '{"employed": false}' } });
    await waitFor(() => expect(document.querySelector(".ff-preview-errors")).toBeNull());
  });
});
