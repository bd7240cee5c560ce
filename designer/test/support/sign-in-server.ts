import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { expect, vi, type Mock } from "vitest";

/** The providers list of a server with the union login configured, as GET /api/auth/providers answers it. */
export const withUnionLogin = [
  { id: "password", displayName: "用户名和密码", method: "POST", loginUrl: "/api/auth/login" },
  { id: "oidc", displayName: "市总工会统一登录", method: "GET", loginUrl: "/api/auth/oidc/login" },
];
/** ... and of a server without it. */
export const passwordOnly = withUnionLogin.slice(0, 1);

export const me = { id: "7", userName: "member", displayName: "张会员", roles: [] };
export const hallServices = [{ id: 11, name: { "zh-CN": "入会申请" }, description: null, category: "membership" }];

export function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

/**
 * A stubbed fetch for a sign-in page: the providers request gets `providers` (an answer, or an error as a network
 * failure), POST /api/auth/login with member/secret signs in (and /api/auth/login/hall, the Portal's, with the hall's
 * services too). `providersAnswered` settles once the page has read the
 * providers answer, so a test can tell "no button" from "not loaded yet".
 */
export function stubSignInServer(providers: Response | Error) {
  const calls: { method: string; url: string; body?: unknown }[] = [];
  let answered!: () => void;
  const providersRead = new Promise<void>((resolve) => { answered = resolve; });
  vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? "GET";
    const body = init?.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ method, url, body });
    if (url === "/api/auth/providers") {
      if (providers instanceof Error) { setTimeout(answered); throw providers; }
      if (!providers.ok) { setTimeout(answered); return providers; }
      const read = providers.json.bind(providers);
      providers.json = () => read().finally(() => setTimeout(answered));
      return providers;
    }
    if (method === "POST" && (url === "/api/auth/login" || url === "/api/auth/login/hall")) {
      if (body.userName !== "member" || body.password !== "secret") return json({ title: "Unauthorized" }, 401);
      return json(url === "/api/auth/login" ? me : { account: me, services: hallServices });
    }
    return json({ title: "not found" }, 404);
  }));
  return { calls, providersAnswered: () => act(() => providersRead) };
}

/** Providers requests that fail: the page must go on with its password form alone. */
export const failingProviders = [
  ["answers 500", json({ title: "boom" }, 500)],
  ["cannot be reached", new TypeError("Failed to fetch")],
] as const;

type SignInServer = ReturnType<typeof stubSignInServer>;

/** Once the page has the providers answer: it asked for it, and shows no other way to sign in (zh-CN page). */
export async function expectPasswordFormAlone(server: SignInServer) {
  await server.providersAnswered();
  expect(server.calls.map((c) => c.url)).toContain("/api/auth/providers");
  // No union-login link; the Portal's only link is 注册 (signing up), which is no way of signing in.
  expect(screen.queryAllByRole("link").map((l) => l.getAttribute("href")).filter((href) => href !== "/register")).toEqual([]);
  expect(screen.queryByText("或")).toBeNull();
}

/** Signs in with the zh-CN password form as member/secret at `loginUrl`; the page hands on the account the server answered. */
export async function signInWithPassword(server: SignInServer, signedIn: Mock, loginUrl = "/api/auth/login") {
  fireEvent.change(screen.getByLabelText("账号"), { target: { value: "member" } });
  fireEvent.change(screen.getByLabelText("密码"), { target: { value: "secret" } });
  fireEvent.click(screen.getByRole("button", { name: "登录" }));
  await waitFor(() => expect(signedIn).toHaveBeenCalledWith(me));
  expect(server.calls.find((c) => c.method === "POST")).toEqual({ method: "POST", url: loginUrl, body: { userName: "member", password: "secret" } });
}
