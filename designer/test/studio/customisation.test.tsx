// @vitest-environment happy-dom
import "./dom-setup";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { ModuleDocument, ModuleSummary, UpgradeState } from "../../src/studio/api/types";
import { I18nProvider } from "../../src/studio/i18n/i18n";
import { ModulePage } from "../../src/studio/module/ModulePage";

const city = { id: "bj", name: "北京市总工会", level: "city" as const };
const district = { id: 2, name: "海淀区总工会", level: "district" as const };

const module: ModuleDocument = {
  id: "join", name: { "zh-CN": "入会申请" }, owner: city, version: "1.0.0",
  settings: { reviewDeadlineDays: { label: { "zh-CN": "审核期限" }, value: 15, min: 3, max: 15, appliesTo: [{ activity: "review", input: "deadlineDays" }] } },
  forms: [{ id: "f", version: "1", title: { "zh-CN": "表" }, pages: [{ id: "p", sections: [{ id: "s", fields: [{ id: "name", key: "name", type: "text", label: { "zh-CN": "姓名" } }] }] }] }],
  workflow: { id: "wf", activities: [{ id: "start", type: "start" }, { id: "review", type: "userTask", inputs: { assignTo: { role: "reviewer" }, outcomes: ["approve"], deadlineDays: 15 } }, { id: "end", type: "end" }],
    connections: [{ source: "start", target: "review" }, { source: "review", outcome: "approve", target: "end" }] },
  extensionPoints: [],
  locks: [
    { element: "reviewDeadlineDays", kind: "bounds", path: "/value", min: 3, max: 15, reason: "市总工会规定：基层工会须在3至15个工作日内联系申请人", by: city },
    { element: "name", kind: "properties", properties: ["key"], reason: "姓名字段由市总工会统一", by: city },
  ],
};

const summary: ModuleSummary = { id: 12, name: { "zh-CN": "入会申请" }, category: "membership", ownerOrgId: district.id, ownerOrgName: district.name,
  level: "district", kind: "derived", parentModuleId: 1, latestVersion: null, draft: true, upgradeAvailable: true, key: "join", autoUpgrade: false, archived: false };

const conflicts: UpgradeState = { from: "1.0.0", to: "1.1.0", overlay: { operations: [], basedOn: { moduleId: "join", version: "1.1.0" } }, conflicts: [
  { id: "c1", kind: "bothChanged", path: "/name/label/zh-CN", base: "姓名", parent: "真实姓名", child: "申请人姓名", blocking: true },
  { id: "c2", kind: "lockedUpstream", path: "/reviewDeadlineDays/value", base: 15, parent: 12, child: 10, blocking: true, lockedBy: { ...city, orgUnitId: "bj", orgName: city.name } },
] };

let calls: { method: string; url: string; body?: unknown; ifMatch?: string }[];
let resolved: UpgradeState;
/** The overlay's revision on the "server"; savedMeanwhile makes the next PUT lose to another designer's save. */
let revision: number;
let savedMeanwhile: boolean;

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

beforeEach(() => {
  calls = [];
  revision = 3;
  savedMeanwhile = false;
  resolved = structuredClone(conflicts);
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ method, url, body, ifMatch: (init?.headers as Record<string, string> | undefined)?.["If-Match"] });
    if (url.endsWith("/preview")) return json({ hash: "sha256:x", module, provenance: { name: { "/label": city } }, soundness: [] });
    if (url.endsWith("/overlay") && method === "GET") return json({ operations: [], basedOn: { moduleId: "join", version: "1.0.0" } }, 200, { ETag: `"${revision}"` });
    if (url.endsWith("/overlay") && method === "PUT" && savedMeanwhile) {
      savedMeanwhile = false;
      revision++;
      return json({ title: "The draft changed meanwhile", detail: `saved by designer (revision ${revision})`, savedBy: "designer", savedAt: "2026-11-27T04:10:00Z", revision }, 409);
    }
    if (url.endsWith("/overlay") && method === "PUT") return json({}, 200, { ETag: `"${++revision}"` });
    if (url.endsWith("/upgrade")) return json(conflicts);
    if (url.endsWith("/upgrade/resolve")) {
      resolved = { ...resolved, conflicts: resolved.conflicts.map((c) => (c.id === body.conflictId ? { ...c, blocking: false } : c)) };
      return json(resolved);
    }
    if (url === "/api/modules/join-haidian") return json({ module: summary, versions: [] });
    return json({ title: "not found" }, 404);
  }));
});
afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

function open() {
  render(<I18nProvider initial="en"><ModulePage summary={summary} onBack={() => {}} /></I18nProvider>);
}

describe("customisation of a derived module", () => {
  test("a deadline inside the parent's bounds is taken and saved as an overlay set; the diff shows it", async () => {
    open();
    const value = await screen.findByLabelText("Value reviewDeadlineDays");
    fireEvent.change(value, { target: { value: "10" } });
    await waitFor(() => expect(document.querySelector(".ff-overlay-diff")?.textContent).toContain("reviewDeadlineDays/value: 15 → 10"));
    expect(document.querySelector(".ff-refusal")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Save draft" }));
    await waitFor(() => expect(calls.some((c) => c.method === "PUT")).toBe(true));
    expect(calls.find((c) => c.method === "PUT")!.body).toEqual({ operations: [{ op: "set", element: "reviewDeadlineDays", path: "/value", value: 10, was: 15 }] });
  });

  test("saves name the revision they were loaded at; a save someone beat says who and when and offers a reload", async () => {
    open();
    fireEvent.change(await screen.findByLabelText("Value reviewDeadlineDays"), { target: { value: "10" } });
    savedMeanwhile = true;
    fireEvent.click(screen.getByRole("button", { name: "Save draft" }));
    const alert = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(".ff-stale-draft");
      expect(found).not.toBeNull();
      return found!;
    });
    expect(calls.find((c) => c.method === "PUT")!.ifMatch).toBe('"3"');
    expect(alert.textContent).toContain("designer saved this draft at");
    expect(alert.textContent).toContain(new Date("2026-11-27T04:10:00Z").toLocaleString());
    expect((screen.getByLabelText("Value reviewDeadlineDays") as HTMLInputElement).value).toBe("10"); // the change is still here, unsaved

    fireEvent.click(within(alert).getByRole("button", { name: "Reload draft" }));
    await waitFor(() => expect(document.querySelector(".ff-stale-draft")).toBeNull());
    fireEvent.change(await screen.findByLabelText("Value reviewDeadlineDays"), { target: { value: "12" } });
    // (antd's loading icon stays in the button's name after a save: happy-dom ends no CSS motion)
    fireEvent.click(screen.getByText("Save draft").closest("button")!);
    await waitFor(() => expect(calls.filter((c) => c.method === "PUT")).toHaveLength(2));
    expect(calls.filter((c) => c.method === "PUT")[1].ifMatch).toBe('"4"');
  });

  test("a deadline outside the bounds is refused with the lock's reason and org, and nothing changes", async () => {
    open();
    const value = await screen.findByLabelText("Value reviewDeadlineDays");
    fireEvent.change(value, { target: { value: "20" } });
    const alert = await waitFor(() => {
      const found = document.querySelector(".ff-refusal");
      expect(found).not.toBeNull();
      return found!;
    });
    expect(alert.textContent).toContain("市总工会规定：基层工会须在3至15个工作日内联系申请人");
    expect(alert.textContent).toContain("北京市总工会");
    expect(document.querySelector(".ff-overlay-diff")).toBeNull();
    expect(screen.getByText("Same as the parent")).toBeTruthy();
  });

  test("elements show inherited / locked above with the locking org", async () => {
    open();
    await screen.findByLabelText("Value reviewDeadlineDays");
    const nameRow = document.querySelector('tr[data-row-key="name"]')!;
    expect(nameRow.querySelector('[data-status="locked"]')).not.toBeNull();
    expect(nameRow.textContent).toContain("Locked by 北京市总工会: properties — 姓名字段由市总工会统一");
    expect(document.querySelector('tr[data-row-key="end"] [data-status="inherited"]')).not.toBeNull();
  });

  test("upgrade conflicts side by side: a locked-upstream change cannot be kept; take parent and keep mine resolve", async () => {
    open();
    fireEvent.click(await screen.findByRole("button", { name: "Upgrade" }));
    const table = await waitFor(() => {
      const found = document.querySelector<HTMLElement>(".ff-conflicts");
      expect(found).not.toBeNull();
      return found!;
    });
    const row1 = table.querySelector<HTMLElement>('tr[data-row-key="c1"]')!;
    expect(row1.querySelector(".ff-base")!.textContent).toBe('"姓名"');
    expect(row1.querySelector(".ff-parent")!.textContent).toBe('"真实姓名"');
    expect(row1.querySelector(".ff-mine")!.textContent).toBe('"申请人姓名"');
    const row2 = table.querySelector<HTMLElement>('tr[data-row-key="c2"]')!;
    expect(within(row2).getByRole("button", { name: "Keep mine" }).hasAttribute("disabled")).toBe(true);

    fireEvent.click(within(row2).getByRole("button", { name: "Take parent" }));
    await waitFor(() => expect(calls.filter((c) => c.url.endsWith("/upgrade/resolve")).map((c) => c.body)).toEqual([{ conflictId: "c2", choice: "takeParent" }]));
    fireEvent.click(within(document.querySelector<HTMLElement>('.ff-conflicts tr[data-row-key="c1"]')!).getByRole("button", { name: "Keep mine" }));
    await screen.findByText("No conflicts: ready to publish.");
    expect(calls.filter((c) => c.url.endsWith("/upgrade/resolve")).map((c) => c.body)).toContainEqual({ conflictId: "c1", choice: "keepMine" });
  });

  test("edit resolves a conflict with a typed value", async () => {
    open();
    fireEvent.click(await screen.findByRole("button", { name: "Upgrade" }));
    const row1 = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ff-conflicts tr[data-row-key="c1"]');
      expect(found).not.toBeNull();
      return found!;
    });
    fireEvent.click(within(row1).getByRole("button", { name: "Edit" }));
    fireEvent.change(screen.getByLabelText("Edit /name/label/zh-CN"), { target: { value: '"申请人真实姓名"' } });
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    await waitFor(() => expect(calls.find((c) => c.url.endsWith("/upgrade/resolve"))?.body).toEqual({ conflictId: "c1", choice: "edit", value: "申请人真实姓名" }));
  });
});
