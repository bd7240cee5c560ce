// @vitest-environment happy-dom
import "./dom-setup";
import { cleanup, render, screen } from "@testing-library/react";
import { ConfigProvider } from "antd";
import { afterEach, describe, expect, test, vi } from "vitest";
import { LoginPage } from "../../src/studio/app/LoginPage";
import { I18nProvider } from "../../src/studio/i18n/i18n";
import type { StudioLocale } from "../../src/studio/i18n/messages";
import { expectPasswordFormAlone, failingProviders, json, passwordOnly, signInWithPassword, stubSignInServer, withUnionLogin } from "../support/sign-in-server";

afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

function renderLogin(locale: StudioLocale = "zh-CN") {
  const onLogin = vi.fn();
  // as main.tsx renders the Studio: two-character Chinese button texts without antd's inserted space
  render(<ConfigProvider button={{ autoInsertSpace: false }}><I18nProvider initial={locale}><LoginPage onLogin={onLogin} /></I18nProvider></ConfigProvider>);
  return onLogin;
}

describe("Studio sign-in", () => {
  test.each([
    ["zh-CN", "使用市总工会统一登录登录"],
    ["en", "Sign in with 市总工会统一登录"],
  ] as const)("with the union login configured it offers it (%s), coming back to the Studio", async (locale, label) => {
    stubSignInServer(json(withUnionLogin));
    renderLogin(locale);
    const link = await screen.findByRole("link", { name: label });
    expect(link.getAttribute("href")).toBe("/api/auth/oidc/login?returnUrl=%2Fstudio%2F");
  });

  test.each([
    ["no-account", "没有与之对应的 FormFlow 账号"],
    ["failed", "统一登录没有完成"],
  ])("back from a union login that did not sign in (%s) it says why, once", async (error, text) => {
    window.history.replaceState(null, "", `/studio/?signInError=${error}`);
    stubSignInServer(json(withUnionLogin));
    renderLogin();
    expect((await screen.findByRole("alert")).textContent).toContain(text);
    expect(window.location.search).toBe(""); // a reload does not say it again
    expect((await screen.findByRole("link", { name: /统一登录/ })).getAttribute("href")).toBe("/api/auth/oidc/login?returnUrl=%2Fstudio%2F");
  });

  test("without the union login only the password form is there", async () => {
    const server = stubSignInServer(json(passwordOnly));
    renderLogin();
    await expectPasswordFormAlone(server);
  });

  test.each(failingProviders)("when the providers request %s the password form still signs in", async (_, providers) => {
    const server = stubSignInServer(providers);
    const onLogin = renderLogin();
    await expectPasswordFormAlone(server);
    await signInWithPassword(server, onLogin);
  });
});
