import { afterEach, describe, expect, test, vi } from "vitest";
import { askAhead, formAnswers, takeAhead } from "../../src/portal/ahead";

/** A server that counts what it is asked and answers each path with how many times it was asked. */
function countingServer() {
  const asked: string[] = [];
  vi.stubGlobal("fetch", vi.fn(async (path: string) => {
    asked.push(path);
    return new Response(JSON.stringify({ path, nth: asked.filter(p => p === path).length }), { headers: { "Content-Type": "application/json" } });
  }));
  return asked;
}

afterEach(() => { vi.unstubAllGlobals(); vi.useRealTimers(); });

describe("answers asked for ahead (the Portal on a phone network)", () => {
  test("a tapped service's form answers travel once: the form page takes them instead of asking again", async () => {
    const asked = countingServer();
    formAnswers("11").forEach(askAhead);
    expect(asked).toEqual(["/api/services/11", "/api/services/11/draft", "/api/orgs"]);
    expect(await takeAhead("/api/services/11")).toEqual({ path: "/api/services/11", nth: 1 });
    expect(await takeAhead("/api/orgs")).toEqual({ path: "/api/orgs", nth: 1 });
    expect(asked).toHaveLength(3);
    // Taken once: the page read again (a reload) asks the server.
    expect(await takeAhead("/api/services/11")).toEqual({ path: "/api/services/11", nth: 2 });
  });

  test("an answer asked for long ago is not shown as current: the page asks the server again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const asked = countingServer();
    askAhead("/api/services");
    vi.setSystemTime(Date.now() + 60_000);
    expect(await takeAhead("/api/services")).toEqual({ path: "/api/services", nth: 2 });
    expect(asked).toEqual(["/api/services", "/api/services"]);
  });
});
