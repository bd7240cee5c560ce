import { ConfigProvider } from "antd-mobile";
import enUS from "antd-mobile/es/locales/en-US";
import zhCN from "antd-mobile/es/locales/zh-CN";
import zhTW from "antd-mobile/es/locales/zh-TW";
import { lazy, Suspense, useEffect, useState } from "react";
import type { Locale } from "../forms";
import { api } from "./api";
import type { Me } from "./api-types";
import { say } from "./i18n";
import { forgetKeptAnswers } from "./offline/connectivity";
import { usePath } from "./router";
import { readElder, readLocale, writeElder, writeLocale } from "./session";
import { SignIn } from "./pages/sign-in";

// The sign-in page ships only what it shows; everything after it is loaded on demand (signed-in.tsx splits by page).
const loadSignedIn = () => import("./signed-in");
const SignedIn = lazy(loadSignedIn);
const Register = lazy(() => import("./pages/register"));
const ResetPassword = lazy(() => import("./pages/reset-password").then(m => ({ default: m.ResetPassword })));

const lastAccountKey = "formflow.keptFor";
const antdLocales = { "zh-CN": zhCN, "zh-TW": zhTW, en: enUS } as const;

/** The Portal: sign in (or sign up, or reset a password), then the signed-in pages. */
export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [locale, setLocaleState] = useState<Locale>(readLocale());
  const [elder, setElderState] = useState(false);
  const path = usePath();

  useEffect(() => {
    api<Me>("GET", "/api/me").then(setMe, () => setMe(null));
  }, []);
  // Once the first page shows, fetch the next ones while the network is idle (a phone on 3G pays per round trip).
  useEffect(() => {
    if (me === undefined) return;
    const later = window.setTimeout(() => { void loadSignedIn().then(m => m.prefetchNext(), () => {}); }, 0);
    return () => window.clearTimeout(later);
  }, [me === undefined]);
  useEffect(() => {
    if (!me) return;
    setElderState(readElder(me.userName));
    // Answers kept for offline reading belong to one person: a different account on this device starts without them.
    if (localStorage.getItem(lastAccountKey) !== me.userName) void forgetKeptAnswers().then(() => localStorage.setItem(lastAccountKey, me.userName));
  }, [me]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.classList.toggle("elder", elder);
    document.title = say(locale, "appName");
  }, [locale, elder]);

  const setLocale = (next: Locale) => { writeLocale(next); setLocaleState(next); };
  const loading = <p className="pf-loading">{say(locale, "loading")}</p>;
  // The reset link is opened before signing in (and by whoever holds it): it stands in front of any session.
  const content = path === "/reset-password"
    ? <ResetPassword locale={locale} setLocale={setLocale} />
    : path === "/register" && !me
    ? <Register locale={locale} setLocale={setLocale} onSignedIn={setMe} />
    : me === undefined
    ? loading
    : me === null
      ? <SignIn locale={locale} setLocale={setLocale} onSignedIn={setMe} />
      : <SignedIn session={{
          me, locale, setLocale, elder,
          setElder: on => { writeElder(me.userName, on); setElderState(on); },
          signOut: () => { void api("POST", "/api/auth/logout").finally(() => { void forgetKeptAnswers(); localStorage.removeItem(lastAccountKey); setMe(null); setElderState(false); window.history.replaceState(null, "", "/"); }); },
        }} />;
  return <ConfigProvider locale={antdLocales[locale]}><Suspense fallback={loading}>{content}</Suspense></ConfigProvider>;
}
