import "../support/served-activities";
// Browser pieces happy-dom lacks that antd and @xyflow/react read: layout sizes (happy-dom does no layout), ResizeObserver
// callbacks and DOMMatrixReadOnly for the viewport transform. Imported first by each studio component test.
class FixedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target, contentRect: { width: 1200, height: 800 } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver = FixedResizeObserver as unknown as typeof ResizeObserver;

class Matrix {
  m22: number;
  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? "");
    this.m22 = scale ? Number(scale[1]) : 1;
  }
}
(globalThis as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly = Matrix;

Object.defineProperties(HTMLElement.prototype, {
  offsetWidth: { configurable: true, get(this: HTMLElement) { return this.classList.contains("react-flow") ? 1200 : 190; } },
  offsetHeight: { configurable: true, get(this: HTMLElement) { return this.classList.contains("react-flow") ? 800 : 64; } },
});

// Component tests render antd and React Flow on a shared 2-core machine: allow them time (not a performance check).
import { vi } from "vitest";
vi.setConfig({ testTimeout: 30_000 });
