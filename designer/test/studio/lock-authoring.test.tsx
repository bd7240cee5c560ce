// @vitest-environment happy-dom
import "./dom-setup";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Lock, ModuleDocument, ModuleSummary, OverlayOperation } from "../../src/studio/api/types";
import { I18nProvider } from "../../src/studio/i18n/i18n";
import { ModulePage } from "../../src/studio/module/ModulePage";

const city = { id: 1, name: "北京市总工会", level: "city" as const };
const district = { id: 2, name: "东城区总工会", level: "district" as const };
const cityLock: Lock = { element: "quota", kind: "bounds", path: "/value", min: 3, max: 15, reason: "市总工会规定：3至15个工作日", by: city };

const module = (locks: Lock[]): ModuleDocument => ({
  id: "join", name: { "zh-CN": "入会申请" }, owner: city, version: "1.0.0",
  settings: { quota: { label: { "zh-CN": "督办期限" }, value: 10, min: 3, max: 20, appliesTo: [{ activity: "review", input: "deadlineDays" }] } },
  forms: [{ id: "f", version: "1", title: { "zh-CN": "表" }, pages: [{ id: "p", sections: [{ id: "s", fields: [{ id: "name", key: "name", type: "text", label: { "zh-CN": "姓名" } }] }] }] }],
  workflow: { id: "wf", activities: [{ id: "start", type: "start" }, { id: "review", type: "userTask", inputs: { assignTo: { role: "reviewer" }, outcomes: ["approve"], deadlineDays: 10, remindDaysBefore: 2 } }, { id: "end", type: "end" }],
    connections: [{ source: "start", target: "review" }, { source: "review", outcome: "approve", target: "end" }] },
  extensionPoints: [{ id: "afterReview", source: "review", outcome: "approve", description: "审核通过后" }],
  locks,
});

const summary = (kind: "template" | "derived"): ModuleSummary => ({ id: 12, name: { "zh-CN": "入会申请" }, category: "membership",
  ownerOrgId: kind === "derived" ? district.id : city.id, ownerOrgName: kind === "derived" ? district.name : city.name,
  level: kind === "derived" ? "district" : "city", kind, parentModuleId: kind === "derived" ? 1 : null, latestVersion: null, draft: true,
  upgradeAvailable: false, key: "join", autoUpgrade: false, archived: false });

let puts: { url: string; body: { operations?: OverlayOperation[] } & Partial<ModuleDocument> }[];
let saved: OverlayOperation[];
/** The city's locks the derived module resolves with. */
let cityLocks: Lock[];

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

beforeEach(() => {
  puts = [];
  saved = [];
  cityLocks = [cityLock];
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(init.body as string) : undefined;
    if (method === "PUT") puts.push({ url, body });
    const districtLocks = saved.flatMap((o) => (o.op === "lock" ? [{ ...o, op: undefined, by: district } as unknown as Lock] : []));
    if (url.endsWith("/preview")) return json({ hash: "sha256:x", module: module([...cityLocks, ...districtLocks]), provenance: {}, soundness: [] });
    if (url.endsWith("/overlay") && method === "GET") return json({ operations: saved, basedOn: { moduleId: "join", version: "1.0.0" } }, 200, { ETag: '"1"' });
    if (url.endsWith("/overlay") && method === "PUT") {
      // As the engine: a district bounds lock must lie within the city's.
      const lock = (body.operations as OverlayOperation[]).find((o) => o.op === "lock") as Lock | undefined;
      if (lock && ((lock.min ?? -Infinity) < 3 || (lock.max ?? Infinity) > 15)) {
        return json({ title: "The overlay breaks a lock", errors: [{ message: `element 'quota', property /value: locks only tighten downwards: bounds ${lock.min}–${lock.max} would loosen 3–15; locked by 北京市总工会 (bj, city)`,
          lockedBy: { orgUnitId: "bj", orgName: city.name, level: "city" } }] }, 422);
      }
      // As the engine: no step is inserted at an extension point the city closed.
      const closed = cityLocks.find((l) => l.kind === "element" && (body.operations as OverlayOperation[]).some((o) => o.op === "add" && o.parent === l.element));
      if (closed) {
        return json({ title: "The overlay breaks a lock", errors: [{ message: `element 'welcome': extension point '${closed.element}' is locked as a whole: no step can be inserted at it; locked by 北京市总工会 (bj, city): ${closed.reason}`,
          lockedBy: { orgUnitId: "bj", orgName: city.name, level: "city" } }] }, 422);
      }
      saved = body.operations;
      return json({}, 200, { ETag: '"2"' });
    }
    if (url.endsWith("/draft") && method === "GET") return json(module([cityLock]), 200, { ETag: '"1"' });
    if (url.endsWith("/draft") && method === "PUT") return json(body, 200, { ETag: '"2"' });
    if (url === "/api/modules/12") return json({ module: summary("template"), versions: [] });
    return json({ title: "not found" }, 404);
  }));
});
afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

function open(kind: "template" | "derived") {
  render(<I18nProvider initial="en"><ModulePage summary={summary(kind)} onBack={() => {}} /></I18nProvider>);
}

/** Picks an option of an antd Select by its visible text. */
async function pick(label: string, option: string, scope: HTMLElement = document.body) {
  fireEvent.mouseDown(within(scope).getByLabelText(label));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>(".ant-select-item-option")].find((o) => o.textContent === option);
    expect(found).toBeDefined();
    return found!;
  });
  fireEvent.click(item);
}

describe("locks in a derived module", () => {
  test("the city's lock is shown greyed with its reason and org; a district lock that loosens it is refused as the server words it", async () => {
    open("derived");
    await screen.findByLabelText("Value quota");
    const panel = screen.getByRole("region", { name: "Locks quota" });
    const inherited = panel.querySelector(".ff-inherited-lock")!;
    expect(inherited.getAttribute("aria-disabled")).toBe("true");
    expect(inherited.textContent).toContain("/value 3–15");
    expect(inherited.textContent).toContain("市总工会规定：3至15个工作日");
    expect(inherited.textContent).toContain("locked by 北京市总工会 (above)");

    fireEvent.click(within(panel).getByRole("button", { name: "Add a lock" }));
    await pick("Kind of lock", "value held to bounds", panel);
    await pick("Value held", "/value", panel);
    fireEvent.change(within(panel).getByLabelText("Minimum"), { target: { value: "1" } });
    fireEvent.change(within(panel).getByLabelText("Maximum"), { target: { value: "15" } });
    fireEvent.change(within(panel).getByLabelText("Reason (shown below)"), { target: { value: "东城区：更严" } });
    fireEvent.click(within(panel).getByText("Save lock").closest("button")!);
    const refusal = await waitFor(() => {
      const found = panel.querySelector(".ff-refusal");
      expect(found).not.toBeNull();
      return found!;
    });
    expect(refusal.textContent).toContain("locks only tighten downwards: bounds 1–15 would loosen 3–15");
    expect(refusal.textContent).toContain("北京市总工会");
    expect(puts[0].body.operations).toEqual([{ op: "lock", element: "quota", kind: "bounds", path: "/value", min: 1, max: 15, reason: "东城区：更严" }]);
    expect(panel.querySelector(".ff-own-lock")).toBeNull();

    fireEvent.change(within(panel).getByLabelText("Minimum"), { target: { value: "5" } });
    fireEvent.change(within(panel).getByLabelText("Maximum"), { target: { value: "12" } });
    fireEvent.click(within(panel).getByText("Save lock").closest("button")!);
    await waitFor(() => expect(panel.querySelector(".ff-own-lock")?.textContent).toContain("/value 5–12"));
    expect(panel.querySelector(".ff-refusal")).toBeNull();
    expect(panel.querySelectorAll(".ff-inherited-lock")).toHaveLength(1);

    // The district removes its own lock again; the city's stays.
    fireEvent.click(within(panel.querySelector<HTMLElement>(".ff-own-lock")!).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(panel.querySelector(".ff-own-lock")).toBeNull());
    expect(puts.at(-1)!.body.operations).toEqual([]);
  });
});

describe("property locks in a derived module", () => {
  test("a properties lock greys only the inputs it holds, beforehand, described by its reason and org", async () => {
    cityLocks = [cityLock,
      { element: "review", kind: "properties", properties: ["/inputs/remindDaysBefore"], reason: "提醒天数全市统一", by: city },
      { element: "name", kind: "properties", properties: ["required"], reason: "姓名必填", by: city }];
    open("derived");
    fireEvent.click(await screen.findByRole("tab", { name: "Workflow" }));
    fireEvent.click(await waitFor(() => document.querySelector<HTMLElement>('[data-activity-id="review"]')!));
    const held = await screen.findByRole("group", { name: "remindDaysBefore" });
    const reason = document.getElementById(held.getAttribute("aria-describedby")!)!;
    expect(reason.textContent).toContain("Locked by 北京市总工会: 提醒天数全市统一");
    expect(held.querySelector("input")!.disabled).toBe(true);
    // The step's other inputs stay open, and nothing else is marked held.
    expect(screen.queryAllByRole("group", { name: "outcomes" })).toHaveLength(0);
    expect(screen.getAllByLabelText("Outcomes (ports)")[0].closest(".ant-select")!.className).not.toContain("ant-select-disabled");

    fireEvent.click(screen.getByRole("tab", { name: /^Form/ }));
    fireEvent.click(await waitFor(() => document.querySelector<HTMLElement>('.ff-outline-field[data-element="name"]')!));
    const required = await screen.findByRole("group", { name: "Required" });
    expect(within(required).getByRole("switch")).toHaveProperty("disabled", true);
    expect(document.getElementById(required.getAttribute("aria-describedby")!)!.textContent).toContain("姓名必填");
    expect((screen.getByLabelText("Label zh-CN") as HTMLInputElement).disabled).toBe(false);
  }, 90_000);
});

describe("locks on an extension point", () => {
  test("the template designer locks an extension point additions only, saved in the manifest's shape", async () => {
    open("template");
    fireEvent.click(await screen.findByRole("tab", { name: "Settings" }));
    const panel = await screen.findByRole("region", { name: "Locks afterReview" });
    fireEvent.click(within(panel).getByRole("button", { name: "Add a lock" }));
    await pick("Kind of lock", "additions only: existing content cannot change", panel);
    // An extension point takes only these two kinds, as the engine.
    expect([...document.querySelectorAll<HTMLElement>(".ant-select-item-option")].map((o) => o.textContent))
      .toEqual(["locked as a whole", "additions only: existing content cannot change"]);
    fireEvent.change(within(panel).getByLabelText("Reason (shown below)"), { target: { value: "区里可加步骤，不可改市里的" } });
    fireEvent.click(within(panel).getByText("Save lock").closest("button")!);
    await waitFor(() => expect(panel.querySelector(".ff-own-lock")?.textContent).toContain("区里可加步骤"));
    fireEvent.click(screen.getByRole("button", { name: "Save draft" }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0].body.locks!.at(-1)).toEqual({ element: "afterReview", kind: "additionsOnly", reason: "区里可加步骤，不可改市里的" });
    expect(await screen.findByText("Saved")).toBeDefined();
  }, 90_000);

  test("a district sees the city's lock on the point greyed, and a step inserted at a closed point is refused as the server words it", async () => {
    cityLocks = [cityLock, { element: "afterReview", kind: "element", reason: "本市不开放此扩展点", by: city }];
    open("derived");
    const panel = await screen.findByRole("region", { name: "Locks afterReview" });
    expect(panel.querySelector(".ff-inherited-lock")!.textContent).toContain("本市不开放此扩展点");
    expect(panel.querySelector(".ff-inherited-lock")!.textContent).toContain("locked by 北京市总工会 (above)");

    const insert = screen.getByRole("form", { name: "Insert step" });
    fireEvent.change(within(insert).getByLabelText("Step title"), { target: { value: "谈心谈话" } });
    fireEvent.click(within(insert).getByRole("button", { name: "Insert step" }));
    const refusal = await waitFor(() => {
      const found = insert.querySelector(".ff-refusal");
      expect(found).not.toBeNull();
      return found!;
    });
    expect(refusal.textContent).toContain("extension point 'afterReview' is locked as a whole: no step can be inserted at it");
    expect(refusal.textContent).toContain("北京市总工会");
    expect(saved).toEqual([]);
  }, 90_000);
});

describe("authoring a template", () => {
  test("a step input promoted to a setting is bound to it, listed in the settings tab and saved in the manifest's shape", async () => {
    open("template");
    fireEvent.click(await screen.findByRole("tab", { name: "Workflow" }));
    fireEvent.click(await waitFor(() => document.querySelector<HTMLElement>('[data-activity-id="review"]')!));
    const promote = await screen.findByRole("region", { name: "Make it a setting" });
    await pick("Input or property", "remindDaysBefore", promote);
    fireEvent.change(within(promote).getByLabelText("Setting key"), { target: { value: "remind" } });
    fireEvent.change(within(promote).getByLabelText("Name (Chinese)"), { target: { value: "提前提醒天数" } });
    fireEvent.change(within(promote).getByLabelText("Lower bound"), { target: { value: "1" } });
    fireEvent.change(within(promote).getByLabelText("Upper bound"), { target: { value: "5" } });
    fireEvent.click(within(promote).getByRole("button", { name: "Make it a setting" }));

    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    const row = await waitFor(() => document.querySelector<HTMLElement>('.ff-settings tr[data-row-key="remind"]')!);
    expect(row.textContent).toContain("review.remindDaysBefore");
    // The designer's own lock, not yet saved, is the designer's to edit: not shown as set above.
    const panel = within(row).getByRole("region", { name: "Locks remind" });
    fireEvent.click(within(panel).getByRole("button", { name: "Add a lock" }));
    await pick("Kind of lock", "may not be removed or hidden", panel);
    fireEvent.change(within(panel).getByLabelText("Reason (shown below)"), { target: { value: "提醒不可取消" } });
    fireEvent.click(within(panel).getByText("Save lock").closest("button")!);
    await waitFor(() => expect(panel.querySelector(".ff-own-lock")?.textContent).toContain("提醒不可取消"));
    expect(panel.querySelector(".ff-inherited-lock")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Save draft" }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0].body.settings!.remind).toEqual({ label: { "zh-CN": "提前提醒天数" }, value: 2, min: 1, max: 5, appliesTo: [{ activity: "review", input: "remindDaysBefore" }] });
    expect(puts[0].body.locks!.at(-1)).toEqual({ element: "remind", kind: "notRemovable", reason: "提醒不可取消" });
  });
});
