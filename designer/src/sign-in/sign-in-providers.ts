import { useEffect, useState } from "react";

/** One way to sign in on this server, as GET /api/auth/providers lists it (the password form, the union login). */
export interface SignInProvider {
  id: string;
  displayName: string;
  method: string;
  loginUrl: string;
}

/**
 * The sign-in ways a page offers besides its password form: those the browser starts by navigating (GET) to a path on
 * this server, i.e. the union's OpenID Connect login when the server has one configured. Empty while the list loads
 * and when it cannot be had, so the password form never depends on it.
 */
export function useBrowserSignIns(): SignInProvider[] {
  const [providers, setProviders] = useState<SignInProvider[]>([]);
  useEffect(() => {
    let live = true;
    browserSignIns().then(found => { if (live) setProviders(found); }, () => {});
    return () => { live = false; };
  }, []);
  return providers;
}

async function browserSignIns(): Promise<SignInProvider[]> {
  const response = await fetch("/api/auth/providers", { headers: { Accept: "application/json" }, credentials: "same-origin" });
  if (!response.ok) return [];
  const listed: unknown = await response.json();
  return Array.isArray(listed) ? listed.filter(isBrowserSignIn) : [];
}

function isBrowserSignIn(p: Partial<SignInProvider> | null): p is SignInProvider {
  return typeof p?.id === "string" && typeof p.displayName === "string" && p.method === "GET"
    && typeof p.loginUrl === "string" && p.loginUrl.startsWith("/") && !p.loginUrl.startsWith("//");
}

/** Where the browser goes to sign in with the provider, coming back signed in to returnUrl (a path on this server). */
export function signInHref(provider: SignInProvider, returnUrl: string): string {
  return `${provider.loginUrl}?returnUrl=${encodeURIComponent(returnUrl)}`;
}

/**
 * Why a sign-in brought the browser back without signing it in (the server's `signInError`), if it did: the union
 * login's `no-account` or `failed`, or `password` from the Portal page's own form, posted before its scripts ran (a
 * wrong name or password: hosts/FormFlow.Server/Auth/FormSignIn.cs).
 */
export type SignInError = "no-account" | "failed" | "password";

export function signInError(): SignInError | undefined {
  const value = new URLSearchParams(window.location.search).get("signInError");
  return value === "no-account" || value === "failed" || value === "password" ? value : undefined;
}

/** Takes `signInError` out of the address once the page has shown it, so a reload or a later sign-in keeps no stale message. */
export function forgetSignInError(): void {
  if (signInError()) window.history.replaceState(window.history.state, "", thisPage() + window.location.hash);
}

/** This page's path and query without `signInError`: where another attempt comes back to. */
export function thisPage(): string {
  const query = new URLSearchParams(window.location.search);
  query.delete("signInError");
  const rest = query.toString();
  return window.location.pathname + (rest ? `?${rest}` : "");
}
