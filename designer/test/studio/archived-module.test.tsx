// @vitest-environment happy-dom
import "./dom-setup";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { I18nProvider } from "../../src/studio/i18n/i18n";
import { ArchivedNotice } from "../../src/studio/module/ArchivedNotice";

const forbidden = "only an admin at 某市总工会 or above, or the module's editor, archives module 'legal-consultation' of 某市总工会";

let answer: Response;
let calls: string[];

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

beforeEach(() => {
  calls = [];
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => { calls.push(`${init?.method ?? "GET"} ${url}`); return answer; }));
});
afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

describe("an archived module's page", () => {
  const open = (onUnarchived = () => {}) =>
    render(<I18nProvider initial="zh-CN"><ArchivedNotice moduleId={7} onUnarchived={onUnarchived} /></I18nProvider>);

  test("says it is archived and what that means, and brings it back", async () => {
    answer = json({ id: 7, archived: false });
    const unarchived = vi.fn();
    open(unarchived);
    expect(screen.getByText(/此模块已归档/).textContent).toContain("不能再派生或新启用服务");
    fireEvent.click(screen.getByRole("button", { name: /取消归档/ }));
    await waitFor(() => expect(unarchived).toHaveBeenCalledTimes(1));
    expect(calls).toEqual(["POST /api/modules/7/unarchive"]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("a refused unarchive says why in Chinese, with the server's reason beneath", async () => {
    answer = json({ title: "Forbidden", detail: forbidden }, 403);
    const unarchived = vi.fn();
    open(unarchived);
    fireEvent.click(screen.getByRole("button", { name: /取消归档/ }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("取消归档失败：只有模块所属组织或其上级组织的管理员，或模块的编辑者，才能归档或取消归档");
    expect(alert.textContent).toContain(`Forbidden: ${forbidden}`);
    expect(unarchived).not.toHaveBeenCalled();
  });
});
