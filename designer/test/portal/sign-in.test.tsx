// @vitest-environment happy-dom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { Locale } from "../../src/forms";
import { hallAnswer, takeAhead } from "../../src/portal/ahead";
import { SignIn } from "../../src/portal/pages/sign-in";
import { expectPasswordFormAlone, failingProviders, hallServices, json, passwordOnly, signInWithPassword, stubSignInServer, withUnionLogin } from "../support/sign-in-server";

vi.setConfig({ testTimeout: 30_000 });

beforeEach(() => window.history.replaceState(null, "", "/"));
afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

function renderSignIn(locale: Locale = "zh-CN") {
  const onSignedIn = vi.fn();
  render(<SignIn locale={locale} setLocale={() => {}} onSignedIn={onSignedIn} />);
  return onSignedIn;
}

describe("Portal sign-in", () => {
  test.each([
    ["zh-CN", "使用市总工会统一登录登录"],
    ["en", "Sign in with 市总工会统一登录"],
  ] as const)("with the union login configured it offers it (%s), coming back to the page the sign-in stood in front of", async (locale, label) => {
    window.history.replaceState(null, "", "/cases/42?from=notice");
    stubSignInServer(json(withUnionLogin));
    renderSignIn(locale);
    const link = await screen.findByRole("link", { name: label });
    expect(link.getAttribute("href")).toBe("/api/auth/oidc/login?returnUrl=%2Fcases%2F42%3Ffrom%3Dnotice");
  });

  test("at the Portal's entry the union login returns to /", async () => {
    stubSignInServer(json(withUnionLogin));
    renderSignIn();
    expect((await screen.findByRole("link", { name: /统一登录/ })).getAttribute("href")).toBe("/api/auth/oidc/login?returnUrl=%2F");
  });

  test.each([
    ["zh-CN", "no-account", "没有对应的账号"],
    ["en", "failed", "The union login did not complete"],
  ] as const)("back from a union login that did not sign in (%s, %s) it says why, and tries again to the same page", async (locale, error, text) => {
    window.history.replaceState(null, "", `/cases/42?from=notice&signInError=${error}`);
    stubSignInServer(json(withUnionLogin));
    renderSignIn(locale);
    expect((await screen.findByRole("alert")).textContent).toContain(text);
    expect(window.location.search).toBe("?from=notice");
    expect((await screen.findByRole("link", { name: /统一登录/ })).getAttribute("href")).toBe("/api/auth/oidc/login?returnUrl=%2Fcases%2F42%3Ffrom%3Dnotice");
  });

  test("without the union login only the password form is there", async () => {
    const server = stubSignInServer(json(passwordOnly));
    renderSignIn();
    await expectPasswordFormAlone(server);
    expect(screen.getByRole("link", { name: "注册" }).getAttribute("href")).toBe("/register");
  });

  test.each(failingProviders)("when the providers request %s the password form still signs in", async (_, providers) => {
    const server = stubSignInServer(providers);
    const onSignedIn = renderSignIn();
    await expectPasswordFormAlone(server);
    await signInWithPassword(server, onSignedIn, "/api/auth/login/hall");
    // The hall's services came with it: the hall takes them without asking again.
    expect(await takeAhead(hallAnswer)).toEqual(hallServices);
    expect(server.calls.map(c => c.url)).not.toContain(hallAnswer);
  });

  test("what is typed into the drawn form while the app renders (in slices, behind it) is what its own form holds", async () => {
    stubSignInServer(json(passwordOnly));
    document.body.insertAdjacentHTML("beforeend",
      '<div id="pf-first"><form><input name="userName" value="work" /><input name="password" type="password" value="" /></form></div>');
    const field = (name: string) => document.querySelector<HTMLInputElement>(`#pf-first input[name=${name}]`)!;
    // Rendered after the sign-in page has read the drawn form, before the commit: the worker typing meanwhile.
    function TypingMeanwhile() {
      field("userName").value = "worker";
      field("password").value = "demo";
      return null;
    }
    render(<><SignIn locale="zh-CN" setLocale={() => {}} onSignedIn={vi.fn()} /><TypingMeanwhile /></>);
    expect((await screen.findByLabelText<HTMLInputElement>("账号")).value).toBe("worker");
    expect(screen.getByLabelText<HTMLInputElement>("密码").value).toBe("demo");
    document.getElementById("pf-first")?.remove();
  });
});
