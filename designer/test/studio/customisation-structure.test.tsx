// @vitest-environment happy-dom
import "./dom-setup";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { ModuleDocument, ModuleSummary, OverlayOperation } from "../../src/studio/api/types";
import type { FieldDefinition } from "../../src/forms";
import { I18nProvider } from "../../src/studio/i18n/i18n";
import { ModulePage } from "../../src/studio/module/ModulePage";

// Structure edits of a derived module (adding a field, hiding one, moving one, inserting a step at an extension
// point): each one is PUT as the whole overlay and the preview re-read; the fake server below resolves adds, hides and
// field moves the simple way and, when `serverLock` names a section, refuses additions and moves into it as the real
// one words a lock violation (a lock the Studio did not know of: the server decides).
const city = { id: "bj", name: "北京市总工会", level: "city" as const };
const district = { id: 2, name: "海淀区总工会", level: "district" as const };

const parent: ModuleDocument = {
  id: "join", name: { "zh-CN": "入会申请" }, owner: city, version: "1.0.0", settings: {},
  forms: [{ id: "f", version: "1", title: { "zh-CN": "表" }, pages: [{ id: "p", sections: [
    { id: "s", title: { "zh-CN": "基本信息" }, fields: [
      { id: "name", key: "name", type: "text", label: { "zh-CN": "姓名" } },
      { id: "residentId", key: "residentId", type: "text", label: { "zh-CN": "身份证号" } },
      { id: "email", key: "email", type: "email", label: { "zh-CN": "电子邮箱" } },
    ] },
    { id: "sealed", title: { "zh-CN": "声明" }, fields: [] },
    { id: "more", title: { "zh-CN": "补充" }, fields: [] },
  ] }] }],
  workflow: { id: "wf", activities: [{ id: "start", type: "start" }, { id: "record", type: "log", inputs: { text: "x" } }, { id: "end", type: "end" }],
    connections: [{ source: "start", target: "record" }, { source: "record", target: "end" }] },
  extensionPoints: [{ id: "afterRecord", source: "record", description: "after the record" }],
  locks: [
    { element: "residentId", kind: "notRemovable", by: city },
    { element: "sealed", kind: "element", reason: "声明由市总工会统一", by: city },
  ],
};

const summary: ModuleSummary = { id: 7, name: { "zh-CN": "入会申请" }, category: "membership", ownerOrgId: district.id, ownerOrgName: district.name,
  level: "district", kind: "derived", parentModuleId: 1, latestVersion: null, draft: true, upgradeAvailable: false, key: "join", autoUpgrade: false, archived: false };

let overlay: OverlayOperation[];
let puts: OverlayOperation[][];
let serverLock: string | undefined;

/** The fake server's resolution: field adds go to the end of their section, hides remove fields, moves go by anchor. */
function resolved(): ModuleDocument {
  const module = structuredClone(parent);
  const sections = module.forms[0].pages[0].sections;
  for (const o of overlay) {
    for (const s of sections) {
      if (o.op === "add" && o.parent === s.id) s.fields.push(o.definition as unknown as FieldDefinition);
      if (o.op === "hide") s.fields = s.fields.filter((f) => f.id !== o.element);
    }
    if (o.op === "move") {
      const field = sections.flatMap((s) => s.fields).find((f) => f.id === o.element)!;
      for (const s of sections) s.fields = s.fields.filter((f) => f !== field);
      const into = sections.find((s) => s.id === o.parent)!.fields;
      const anchor = into.findIndex((f) => f.id === (o.after ?? o.before));
      into.splice(anchor < 0 ? into.length : o.after ? anchor + 1 : anchor, 0, field);
    }
  }
  return module;
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

beforeEach(() => {
  overlay = [];
  puts = [];
  serverLock = undefined;
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    if (url.endsWith("/preview")) return json({ hash: "sha256:x", module: resolved(), provenance: {}, soundness: [] });
    if (url.endsWith("/overlay") && method === "GET") return json({ operations: overlay, basedOn: { moduleId: "1", version: "1.0.0" } });
    if (url.endsWith("/overlay") && method === "PUT") {
      const operations = JSON.parse(init!.body as string).operations as OverlayOperation[];
      puts.push(operations);
      if (operations.some((o) => (o.op === "add" || o.op === "move") && o.parent === serverLock)) {
        return json({ title: "The overlay breaks a lock", errors: [{ element: serverLock, path: "/operations/0", reason: "the element is locked as a whole: nothing can be added to it",
          message: `element '${serverLock}': the element is locked as a whole: nothing can be added to it; locked by 北京市总工会: 栏目已停用`,
          lockedBy: { orgUnitId: 1, orgName: "北京市总工会", level: "city" } }] }, 422);
      }
      overlay = operations;
      return json({ operations });
    }
    if (url === "/api/modules/7") return json({ module: summary, versions: [] });
    return json({ title: "not found" }, 404);
  }));
});
afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

async function open() {
  render(<I18nProvider initial="en"><ModulePage summary={summary} onBack={() => {}} /></I18nProvider>);
  await screen.findByRole("button", { name: "Add field" });
}

/** Waits for an element to appear (a refusal, a status) and returns it. */
function appears(selector: string, scope: ParentNode = document): Promise<Element> {
  return waitFor(() => {
    const found = scope.querySelector(selector);
    expect(found).not.toBeNull();
    return found!;
  });
}

const row = (id: string) => document.querySelector<HTMLElement>(`tr[data-row-key="${id}"]`);
const diff = () => document.querySelector(".ff-overlay-diff")?.textContent ?? "";

/** Picks an option of an antd Select by its text (the select labelled so within `scope`). */
async function choose(label: string, option: string, scope: HTMLElement = document.body) {
  fireEvent.mouseDown(within(scope).getByLabelText(label));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>(".ant-select-item-option")].find((o) => o.textContent === option);
    expect(found).toBeDefined();
    return found!;
  });
  fireEvent.click(item);
}

describe("structure of a derived module", () => {
  test("a field added to a section is saved as an add operation, listed as added here and in the diff", async () => {
    await open();
    fireEvent.change(screen.getByLabelText("Field label"), { target: { value: "工会小组" } });
    fireEvent.click(screen.getByRole("button", { name: "Add field" }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual([{ op: "add", parent: "s", definition: { id: "field1", key: "field1", type: "text", label: { "zh-CN": "工会小组" } } }]);
    await waitFor(() => expect(row("field1")?.querySelector('[data-status="added"]')).not.toBeNull());
    expect(row("field1")!.textContent).toContain("工会小组");
    expect(diff()).toContain("+ field1");
  });

  test("an addition into a section locked as a whole is refused with the lock's reason and org, before any save", async () => {
    await open();
    await choose("Into section", "表 / p / 声明");
    fireEvent.change(screen.getByLabelText("Field label"), { target: { value: "补充声明" } });
    fireEvent.click(screen.getByRole("button", { name: "Add field" }));
    const alert = await appears(".ff-add-field .ff-refusal");
    expect(alert.textContent).toContain("声明由市总工会统一");
    expect(alert.textContent).toContain("Locked by 北京市总工会");
    expect(puts).toEqual([]);
  });

  test("an addition the server refuses shows the server's message and the locking org; the overlay stays as it was", async () => {
    serverLock = "s";
    await open();
    fireEvent.change(screen.getByLabelText("Field label"), { target: { value: "工会小组" } });
    fireEvent.click(screen.getByRole("button", { name: "Add field" }));
    const alert = await appears(".ff-add-field .ff-refusal");
    expect(puts).toHaveLength(1);
    expect(alert.textContent).toContain("nothing can be added to it; locked by 北京市总工会: 栏目已停用");
    expect(alert.textContent).toContain("Locked by 北京市总工会");
    expect(overlay).toEqual([]);
    expect(row("field1")).toBeNull();
    expect(screen.getByText("Same as the parent")).toBeTruthy();
  });

  test("hiding a non-removable field is refused with what the lock forbids and who set it, before any save", async () => {
    await open();
    fireEvent.click(within(row("residentId")!).getByRole("button", { name: "Hide" }));
    const alert = await appears(".ff-refusal", row("residentId")!);
    expect(alert.textContent).toContain("may not be removed or hidden");
    expect(alert.textContent).toContain("北京市总工会");
    expect(puts).toEqual([]);
  });

  test("hiding a removable field saves a hide; the field is listed as hidden here and can be restored", async () => {
    await open();
    fireEvent.click(within(row("email")!).getByRole("button", { name: "Hide" }));
    await waitFor(() => expect(row("email")?.querySelector('[data-status="hidden"]')).not.toBeNull());
    expect(puts.at(-1)).toEqual([{ op: "hide", element: "email" }]);
    expect(diff()).toContain("− email");

    fireEvent.click(within(row("email")!).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(row("email")?.querySelector('[data-status="inherited"]')).not.toBeNull());
    expect(puts.at(-1)).toEqual([]);
  });

  test("a step inserted at an extension point is an add at the point with its title and exit port", async () => {
    await open();
    fireEvent.change(screen.getByLabelText("Step title"), { target: { value: "区总工会复核" } });
    fireEvent.click(screen.getByRole("button", { name: "Insert step" }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toEqual([{ op: "add", parent: "afterRecord", exit: "approve", definition: {
      id: "userTask1", type: "userTask",
      inputs: { title: "区总工会复核", assignTo: { role: "reviewer", org: "handling" }, outcomes: ["approve", "reject"], deadlineDays: 10 },
    } }]);
    await waitFor(() => expect(diff()).toContain("+ userTask1 → afterRecord"));
  });
});

describe("order of a derived module's fields", () => {
  const orderRow = (id: string) => document.querySelector<HTMLElement>(`.ff-order-row[data-element="${id}"]`)!;
  const order = (section: string) => [...orderRow(section).parentElement!.querySelectorAll<HTMLElement>(":scope > ul > li > .ff-order-row")]
    .map((r) => r.dataset.element);

  test("moving a field up twice saves one move before its new neighbour; the outline, diff and status show it", async () => {
    await open();
    expect(order("s")).toEqual(["name", "residentId", "email"]);
    expect((within(orderRow("name")).getByRole("button", { name: "Move up" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(orderRow("email")).getByRole("button", { name: "Move up" }));
    await waitFor(() => expect(order("s")).toEqual(["name", "email", "residentId"]));
    expect(puts.at(-1)).toEqual([{ op: "move", element: "email", parent: "s", before: "residentId" }]);

    fireEvent.click(within(orderRow("email")).getByRole("button", { name: "Move up" }));
    await waitFor(() => expect(order("s")).toEqual(["email", "name", "residentId"]));
    expect(puts.at(-1)).toEqual([{ op: "move", element: "email", parent: "s", before: "name" }]);
    expect(diff()).toContain("↷ email → s, before name");
    expect(orderRow("email").textContent).toContain("Moved here");
    expect(row("email")!.querySelector('[data-status="overridden"]')).not.toBeNull();
    expect(row("name")!.querySelector('[data-status="inherited"]')).not.toBeNull();

    fireEvent.click(within(orderRow("email")).getByRole("button", { name: "Move down" }));
    await waitFor(() => expect(order("s")).toEqual(["name", "email", "residentId"]));
    expect(puts.at(-1)).toEqual([{ op: "move", element: "email", parent: "s", after: "name" }]);
  });

  test("a field moved to another section goes last there; undoing the move puts it back", async () => {
    await open();
    await choose("Move to…", "p / 补充", orderRow("name"));
    await waitFor(() => expect(order("more")).toEqual(["name"]));
    expect(order("s")).toEqual(["residentId", "email"]);
    expect(puts.at(-1)).toEqual([{ op: "move", element: "name", parent: "more" }]);
    expect(diff()).toContain("↷ name → more");

    fireEvent.click(within(row("name")!).getByRole("button", { name: "Undo move" }));
    await waitFor(() => expect(order("s")).toEqual(["name", "residentId", "email"]));
    expect(puts.at(-1)).toEqual([]);
    expect(row("name")!.querySelector('[data-status="inherited"]')).not.toBeNull();
    expect(within(row("name")!).queryByRole("button", { name: "Undo move" })).toBeNull();
  });

  test("a move into a section locked as a whole is refused with the lock's reason and org, before any save", async () => {
    await open();
    await choose("Move to…", "p / 声明", orderRow("email"));
    const alert = await appears(".ff-refusal", orderRow("email").parentElement!);
    expect(alert.textContent).toContain("声明由市总工会统一");
    expect(alert.textContent).toContain("Locked by 北京市总工会");
    expect(puts).toEqual([]);
    expect(order("s")).toEqual(["name", "residentId", "email"]);
  });

  test("a move the server refuses shows its message and the locking org; the order stays", async () => {
    serverLock = "more";
    await open();
    await choose("Move to…", "p / 补充", orderRow("name"));
    const alert = await appears(".ff-refusal", orderRow("name").parentElement!);
    expect(puts).toHaveLength(1);
    expect(alert.textContent).toContain("locked by 北京市总工会: 栏目已停用");
    expect(alert.textContent).toContain("Locked by 北京市总工会");
    expect(overlay).toEqual([]);
    expect(order("s")).toEqual(["name", "residentId", "email"]);
  });
});
