import { useState } from "react";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import { FormRuntime, type JsonRecord } from "../../src/forms";
import { FormView } from "../../src/form-view";
import { fortyData, fortyForm } from "../forty-field-form";

/**
 * The page portal-perf drives: window.bench.render() mounts the 40-field form (the Portal's form view with its
 * widgets, data filled in) and returns the milliseconds until it is committed and laid out; window.bench.keystroke()
 * types one character into the name field and returns the milliseconds until React committed the re-render with
 * every rule re-evaluated.
 */
const runtime = new FormRuntime(fortyForm);
let root: Root | null = null;

function Bench() {
  const [data, setData] = useState<JsonRecord>(fortyData as JsonRecord);
  return <FormView runtime={runtime} data={data} onChange={setData} locale="zh-CN" onSubmit={() => {}} />;
}

const nextTask = () => new Promise<void>(resolve => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(0); });

(window as unknown as { bench: unknown }).bench = {
  render(): number {
    root?.unmount();
    const host = document.getElementById("root")!;
    const t0 = performance.now();
    root = createRoot(host);
    flushSync(() => root!.render(<Bench />));
    void host.getBoundingClientRect().height; // layout included
    return performance.now() - t0;
  },
  async keystroke(char: string): Promise<number> {
    const input = document.getElementById("ff-name") as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    const t0 = performance.now();
    setter.call(input, input.value + char);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await nextTask();
    void document.body.getBoundingClientRect().height;
    return performance.now() - t0;
  },
  fields: () => document.querySelectorAll(".ff-field").length,
};
