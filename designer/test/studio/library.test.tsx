// @vitest-environment happy-dom
import "./dom-setup";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { ConfigProvider } from "antd";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { ModuleSummary } from "../../src/studio/api/types";
import { I18nProvider } from "../../src/studio/i18n/i18n";
import { LibraryPage } from "../../src/studio/library/LibraryPage";

const row = (over: Partial<ModuleSummary>): ModuleSummary => ({
  id: 1, key: "legal-consultation", name: { "zh-CN": "法律咨询" }, category: "legal", ownerOrgId: 1, ownerOrgName: "某市总工会", level: "city",
  kind: "template", parentModuleId: null, latestVersion: "1.0.0", draft: false, upgradeAvailable: false, archived: false, autoUpgrade: false, ...over,
});
const legal = row({});
const derived = row({ id: 2, ownerOrgId: 2, ownerOrgName: "东城区总工会", level: "district", kind: "derived", parentModuleId: 1 });
const old = row({ id: 3, key: "old-service", name: { "zh-CN": "旧服务" }, archived: true });
const orgs = [{ id: 1, name: "某市总工会", level: "city", children: [{ id: 2, name: "东城区总工会", level: "district", children: [{ id: 4, name: "和平街道总工会", level: "street" }] }] }];

let calls: { method: string; url: string; body?: Record<string, unknown> }[];
let answer: (method: string, url: string, body?: Record<string, unknown>) => Response | undefined;

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

beforeEach(() => {
  calls = [];
  answer = () => undefined;
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ method, url, body });
    const given = answer(method, url, body);
    if (given) return given;
    if (url === "/api/orgs") return json(orgs);
    if (url === "/api/modules") return json([legal, derived]);
    if (url === "/api/modules?archived=true") return json([legal, derived, old]);
    return json({ title: "not found" }, 404);
  }));
});
afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

async function renderLibrary() {
  // as main.tsx renders the Studio: two-character Chinese button texts without antd's inserted space
  render(<ConfigProvider button={{ autoInsertSpace: false }}><I18nProvider initial="zh-CN"><LibraryPage onOpen={() => {}} /></I18nProvider></ConfigProvider>);
  await screen.findByText("东城区总工会");
}

function rowOf(text: string) {
  return screen.getAllByRole("row").find((r) => r.textContent?.includes(text))!;
}

async function pick(dialog: HTMLElement, label: string, option: string) {
  const select = within(dialog).getByLabelText(label).closest(".ant-select")!;
  fireEvent.mouseDown(select.querySelector(".ant-select-content, .ant-select-selector") ?? select);
  fireEvent.click(await screen.findByTitle(option));
}

describe("module library", () => {
  test("creating from a template takes its category and posts the new ID, name and owner; a refused ID is shown on its field", async () => {
    let refuse = true;
    answer = (method, url, body) => {
      if (method !== "POST" || url !== "/api/modules") return undefined;
      if (refuse) {
        refuse = false;
        return json({ title: "Module key taken", detail: "moduleKey: a module 'join' already exists in the library; choose another key", field: "moduleKey" }, 409);
      }
      return json(row({ id: 9, key: String(body!.moduleKey), name: body!.name as ModuleSummary["name"], latestVersion: null, draft: true }), 201);
    };
    await renderLibrary();
    fireEvent.click(screen.getByRole("button", { name: "新建" }));
    const dialog = await screen.findByRole("dialog");
    await pick(dialog, "起点", "法律咨询 · 某市总工会");
    expect(within(dialog).getByLabelText<HTMLInputElement>("类别").value).toBe("legal");
    fireEvent.change(within(dialog).getByLabelText("模块标识"), { target: { value: "join" } });
    fireEvent.change(within(dialog).getByLabelText("名称（简体中文）"), { target: { value: "法律援助预约" } });
    fireEvent.click(within(dialog).getByRole("button", { name: /新建$/ }));

    expect(await within(dialog).findByText(/a module 'join' already exists/)).toBeTruthy();
    expect(within(dialog).getByLabelText("模块标识").closest(".ant-form-item")!.className).toContain("has-error");
    fireEvent.change(within(dialog).getByLabelText("模块标识"), { target: { value: "legal-aid" } });
    fireEvent.click(within(dialog).getByRole("button", { name: /新建$/ }));

    expect((await screen.findByRole("status")).textContent).toContain("已创建模块“法律援助预约”");
    const posts = calls.filter((c) => c.method === "POST");
    expect(posts[1].body).toEqual({ moduleKey: "legal-aid", name: { "zh-CN": "法律援助预约" }, category: "legal", ownerOrgId: 1, fromModuleId: 1 });
    expect(calls.filter((c) => c.method === "GET" && c.url === "/api/modules").length).toBe(2); // the library was read again
  });

  test("a blank module needs a category before it can be created", async () => {
    await renderLibrary();
    fireEvent.click(screen.getByRole("button", { name: "新建" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByLabelText("模块标识"), { target: { value: "hardship" } });
    fireEvent.change(within(dialog).getByLabelText("名称（简体中文）"), { target: { value: "困难帮扶" } });
    const ok = within(dialog).getByRole("button", { name: "新建" });
    expect(ok.hasAttribute("disabled")).toBe(true);
    fireEvent.change(within(dialog).getByLabelText("类别"), { target: { value: "aid" } });
    await waitFor(() => expect(ok.hasAttribute("disabled")).toBe(false));
  });

  test("a derived module's copy keeps its parent's ID and goes to the org chosen", async () => {
    answer = (method, url) => (method === "POST" && url === "/api/modules/2/duplicate" ? json(row({ id: 10, kind: "derived", name: { "zh-CN": "法律咨询（副本）" } }), 201) : undefined);
    await renderLibrary();
    fireEvent.click(within(rowOf("东城区总工会")).getByRole("button", { name: "复制" }));
    const dialog = await screen.findByRole("dialog");
    const id = within(dialog).getByLabelText<HTMLInputElement>("模块标识");
    expect(id.value).toBe("legal-consultation");
    expect(id.disabled).toBe(true);
    expect(within(dialog).getByText("派生模块的副本沿用上级模块的标识")).toBeTruthy();
    const ok = within(dialog).getByRole("button", { name: "复制" });
    expect(ok.hasAttribute("disabled")).toBe(true); // no org yet
    await pick(dialog, "所属组织", "和平街道总工会");
    await waitFor(() => expect(ok.hasAttribute("disabled")).toBe(false));
    fireEvent.click(ok);
    expect((await screen.findByRole("status")).textContent).toContain("已复制为“法律咨询（副本）”");
    expect(calls.find((c) => c.url === "/api/modules/2/duplicate")!.body).toEqual({ name: { "zh-CN": "法律咨询（副本）" }, ownerOrgId: 4 });
  });

  test("archiving asks first; archived modules show under the filter with a way back; a refusal says why", async () => {
    answer = (method, url) => {
      if (method === "POST" && url === "/api/modules/1/archive") return json({ ...legal, archived: true });
      if (method === "POST" && url === "/api/modules/2/archive")
        return json({ title: "Forbidden", detail: "only an admin at 东城区总工会 or above, or the module's editor, archives module 'legal-consultation'" }, 403);
      if (method === "POST" && url === "/api/modules/3/unarchive") return json({ ...old, archived: false });
      return undefined;
    };
    await renderLibrary();
    expect(screen.queryByText("旧服务")).toBeNull();
    fireEvent.click(within(rowOf("某市总工会")).getByRole("button", { name: "归档" }));
    expect(await screen.findByText(/归档后模块库默认不再显示“法律咨询”/)).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith("/archive"))).toBe(false); // nothing before confirming
    fireEvent.click(within(screen.getByRole("tooltip")).getByRole("button", { name: "归档" }));
    expect((await screen.findByRole("status")).textContent).toContain("已归档“法律咨询”");

    fireEvent.click(within(rowOf("东城区总工会")).getByRole("button", { name: "归档" }));
    const confirms = await screen.findAllByRole("tooltip");
    fireEvent.click(within(confirms[confirms.length - 1]).getByRole("button", { name: "归档" }));
    const refused = await screen.findByRole("alert");
    expect(refused.textContent).toContain("归档失败：只有模块所属组织或其上级组织的管理员，或模块的编辑者，才能归档或取消归档");
    expect(refused.textContent).toContain("Forbidden: only an admin at 东城区总工会"); // the server's reason stays readable

    fireEvent.click(screen.getByRole("checkbox", { name: "显示已归档" }));
    await screen.findByText("旧服务");
    const archivedRow = rowOf("旧服务");
    expect(archivedRow.textContent).toContain("已归档");
    expect((within(archivedRow).getByRole("button", { name: "派生" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(archivedRow).getByRole("button", { name: "取消归档" }));
    expect((await screen.findByRole("status")).textContent).toContain("已取消归档“旧服务”");
  });
});
