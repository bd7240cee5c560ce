import { createContext, useContext } from "react";
import type { Locale } from "../forms";
import type { Me } from "./api-types";

/** The signed-in account and the reader's choices, for every page. */
export interface Session {
  me: Me;
  locale: Locale;
  setLocale: (locale: Locale) => void;
  elder: boolean;
  setElder: (on: boolean) => void;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside the signed-in app");
  return session;
}

export const hasRole = (me: Me, ...roles: string[]) => me.roles.some(r => roles.includes(r.role));
export const isCadre = (me: Me) => hasRole(me, "reviewer", "lawyer", "admin", "expert", "handler");

/** Elder mode is kept in this browser per account (localStorage), so a shared phone keeps each person's choice. */
const elderKey = (userName: string) => `formflow.elder.${userName}`;
export const readElder = (userName: string) => localStorage.getItem(elderKey(userName)) === "1";
export const writeElder = (userName: string, on: boolean) => localStorage.setItem(elderKey(userName), on ? "1" : "0");

const localeKey = "formflow.locale";
export function readLocale(): Locale {
  const saved = localStorage.getItem(localeKey);
  return saved === "en" || saved === "zh-TW" ? saved : "zh-CN";
}
export const writeLocale = (locale: Locale) => localStorage.setItem(localeKey, locale);

/**
 * The reader's language and size, also as cookies: the server draws a signed-in worker's hall into the page before
 * any script runs (first-screen.ts), and reads them to draw it as this app will.
 */
export function rememberView(locale: Locale, elder: boolean): void {
  const year = 365 * 24 * 3600;
  document.cookie = `formflow.locale=${locale}; path=/; max-age=${year}; samesite=lax`;
  document.cookie = `formflow.elder=1; path=/; max-age=${elder ? year : 0}; samesite=lax`;
}
