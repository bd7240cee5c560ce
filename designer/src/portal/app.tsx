import { ConfigProvider } from "antd-mobile";
import enUS from "antd-mobile/es/locales/en-US";
import zhCN from "antd-mobile/es/locales/zh-CN";
import zhTW from "antd-mobile/es/locales/zh-TW";
import { lazy, startTransition, Suspense, useEffect, useLayoutEffect, useState } from "react";
import type { Locale } from "../forms";
import { askAhead, hallAnswer } from "./ahead";
import { api } from "./api";
import type { Me } from "./api-types";
import { say } from "./i18n";
import { handOverFirstScreen } from "./first-screen";
import { forgetKeptAnswers } from "./offline/connectivity";
import { usePath } from "./router";
import { hasRole, readElder, readLocale, rememberView, writeElder, writeLocale } from "./session";
import { SignIn } from "./pages/sign-in";

// The sign-in page ships only what it shows; everything after it is loaded on demand (signed-in.tsx splits by page).
const loadSignedIn = () => import("./signed-in");
const SignedIn = lazy(loadSignedIn);
const loadHall = () => import("./pages/service-hall");
const Register = lazy(() => import("./pages/register"));
const ResetPassword = lazy(() => import("./pages/reset-password").then(m => ({ default: m.ResetPassword })));

const lastAccountKey = "formflow.keptFor";
const antdLocales = { "zh-CN": zhCN, "zh-TW": zhTW, en: enUS } as const;

/** Whether `path` shows this person the service hall (signed-in.tsx's routes: a worker's or member's home, or /hall). */
const showsHall = (path: string, me: Me | undefined) =>
  path === "/hall" || (path === "/" && (!me || hasRole(me, "worker", "member") || me.roles.length === 0));

/** The hall's scripts: the signed-in pages' and the hall's own, fetched side by side rather than one after the other. */
function loadHallScripts(): void {
  void loadSignedIn().catch(() => { /* retried by the real import */ });
  void loadHall().catch(() => { /* retried by the real import */ });
}

/**
 * The hall's scripts and its answer, asked for at once rather than one after another (who I am → the signed-in pages'
 * script → the hall's script → the services): on a phone network each step is a round trip.
 */
function openHallAhead(): void {
  askAhead(hallAnswer);
  loadHallScripts();
}

/** The Portal: sign in (or sign up, or reset a password), then the signed-in pages. */
export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [locale, setLocaleState] = useState<Locale>(readLocale());
  // The server drew the first screen in the size the cookies say (first-screen.ts): keep it until an account is known.
  const [elder, setElderState] = useState(() => document.documentElement.classList.contains("elder"));
  const path = usePath();

  useEffect(() => {
    // Someone signed in on this device last time (forgotten at sign-out): the hall is likely next, ask for it now.
    // (The server says so too: its page names the hall's answer as a preload when a session came with it.)
    const signedInBefore = localStorage.getItem(lastAccountKey) !== null || document.querySelector(`link[rel=preload][href="${hallAnswer}"]`) !== null;
    if (signedInBefore && showsHall(path, undefined)) openHallAhead();
    // A transition (main.tsx): the page it renders stays behind the drawn first screen, which keeps answering meanwhile.
    api<Me>("GET", "/api/me").then(who => startTransition(() => setMe(who)), () => startTransition(() => setMe(null)));
  }, []);
  // While the sign-in page shows, fetch the hall's scripts, then the form's (a phone on 3G pays per round trip). Without
  // the form's here, a tap soon after the hall shows waited for them (the form step 1.6× slower in the bench).
  useEffect(() => {
    if (me !== null) return;
    const later = window.setTimeout(() => {
      loadHallScripts();
      void loadSignedIn().then(m => m.prefetchForm(), () => { /* retried by the real import */ });
    }, 0);
    return () => window.clearTimeout(later);
  }, [me === null]);
  // Signing in stays in this page: a reload to get the server's drawn hall was slower on a throttled phone (the
  // sign-in, then the page, then every script again). The drawn hall serves the next visits (first-screen.ts).
  const signedIn = (who: Me) => {
    if (showsHall(window.location.pathname, who)) openHallAhead();
    rememberView(locale, readElder(who.userName));
    setMe(who);
  };
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
    if (me !== undefined) rememberView(locale, elder);
  }, [locale, elder, me === undefined]);
  // Whatever this app shows other than the hall (which hands over itself) replaces the server's first screen.
  useLayoutEffect(() => { if (me === null || (me && !showsHall(path, me))) handOverFirstScreen(); }, [me, path]);

  const setLocale = (next: Locale) => { writeLocale(next); setLocaleState(next); };
  const loading = <p className="pf-loading">{say(locale, "loading")}</p>;
  // The reset link is opened before signing in (and by whoever holds it): it stands in front of any session.
  const content = path === "/reset-password"
    ? <ResetPassword locale={locale} setLocale={setLocale} />
    : path === "/register" && !me
    ? <Register locale={locale} setLocale={setLocale} onSignedIn={signedIn} />
    : me === undefined
    ? loading
    : me === null
      ? <SignIn locale={locale} setLocale={setLocale} onSignedIn={signedIn} />
      : <SignedIn session={{
          me, locale, setLocale, elder,
          setElder: on => { writeElder(me.userName, on); setElderState(on); },
          signOut: () => { void api("POST", "/api/auth/logout").finally(() => { void forgetKeptAnswers(); localStorage.removeItem(lastAccountKey); setMe(null); setElderState(false); window.history.replaceState(null, "", "/"); }); },
        }} />;
  return <ConfigProvider locale={antdLocales[locale]}><Suspense fallback={loading}>{content}</Suspense></ConfigProvider>;
}
