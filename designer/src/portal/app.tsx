import { ConfigProvider } from "antd-mobile";
import enUS from "antd-mobile/es/locales/en-US";
import zhCN from "antd-mobile/es/locales/zh-CN";
import zhTW from "antd-mobile/es/locales/zh-TW";
import { lazy, Suspense, useEffect, useState } from "react";
import type { Locale } from "../forms";
import { api, ApiProblem } from "./api";
import type { Me } from "./api-types";
import { say, type Word } from "./i18n";
import { Link, match, usePath } from "./router";
import { hasRole, isCadre, readElder, readLocale, SessionContext, writeElder, writeLocale, type Session } from "./session";
import { CasePage } from "./pages/case-page";
import { Feed } from "./pages/feed";
import { FeedItemPage } from "./pages/feed-item";
import { FillForm } from "./pages/fill-form";
import { ResultsPage } from "./pages/results";
import { Inbox } from "./pages/inbox";
import { MemberCardPage } from "./pages/member-card";
import { MerchantPage } from "./pages/merchant";
import { MyCases } from "./pages/my-cases";
import { Notifications } from "./pages/notifications";
import { ServiceHall } from "./pages/service-hall";
import { Settings } from "./pages/settings";
import { ResetPassword } from "./pages/reset-password";
import { SignIn } from "./pages/sign-in";
import { StaffCases } from "./pages/staff-cases";
import { TaskPage } from "./pages/task-page";

// Only someone signing up needs it: kept out of the sign-in page's bundle.
const Register = lazy(() => import("./pages/register"));
// Training and contests: only those who open them download them.
const TrainingPages = lazy(() => import("./pages/training"));

const antdLocales = { "zh-CN": zhCN, "zh-TW": zhTW, en: enUS } as const;

/** The Portal: sign in, then the pages each role uses, with a bottom navigation sized for thumbs. */
export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [locale, setLocaleState] = useState<Locale>(readLocale());
  const [elder, setElderState] = useState(false);
  const path = usePath();

  useEffect(() => {
    api<Me>("GET", "/api/me").then(setMe, (e: unknown) => setMe(e instanceof ApiProblem && e.status === 401 ? null : null));
  }, []);
  useEffect(() => { if (me) setElderState(readElder(me.userName)); }, [me]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.classList.toggle("elder", elder);
    document.title = say(locale, "appName");
  }, [locale, elder]);

  const setLocale = (next: Locale) => { writeLocale(next); setLocaleState(next); };
  // The reset link is opened before signing in (and by whoever holds it): it stands in front of any session.
  const content = path === "/reset-password"
    ? <ResetPassword locale={locale} setLocale={setLocale} />
    : path === "/register" && !me
    ? <Suspense fallback={<p className="pf-loading">{say(locale, "loading")}</p>}><Register locale={locale} setLocale={setLocale} onSignedIn={setMe} /></Suspense>
    : me === undefined
    ? <p className="pf-loading">{say(locale, "loading")}</p>
    : me === null
      ? <SignIn locale={locale} setLocale={setLocale} onSignedIn={setMe} />
      : <SignedIn session={{
          me, locale, setLocale, elder,
          setElder: on => { writeElder(me.userName, on); setElderState(on); },
          signOut: () => { void api("POST", "/api/auth/logout").finally(() => { setMe(null); setElderState(false); window.history.replaceState(null, "", "/"); }); },
        }} />;
  return <ConfigProvider locale={antdLocales[locale]}>{content}</ConfigProvider>;
}

function SignedIn({ session }: { session: Session }) {
  const path = usePath();
  const { me, locale } = session;
  const tabs: [string, Word][] = [];
  if (hasRole(me, "worker", "member") || me.roles.length === 0) tabs.push(["/", "hall"], ["/cases", "myCases"], ["/card", "card"], ["/training", "training"]);
  if (isCadre(me)) tabs.push(["/inbox", "inbox"], ["/staff/cases", "staffCases"]);
  // Staff start services too (an admin drafts a notice); their home stays the inbox, the hall is a tab of its own.
  if (isCadre(me) && tabs[0][0] !== "/") tabs.push(["/hall", "hall"]);
  if (hasRole(me, "merchant")) tabs.push(["/merchant", "merchant"]);
  tabs.push(["/feed", "feed"], ["/notifications", "notifications"], ["/me", "me"]);
  const home = tabs[0][0];
  return (
    <SessionContext.Provider value={session}>
      <div className="pf-app">
        <header className="pf-header"><h1>{say(locale, "appName")}</h1><span className="pf-who">{me.displayName}</span></header>
        <main className="pf-main">{route(path, home)}</main>
        <nav className="pf-tabs" aria-label={say(locale, "appName")}>
          {tabs.map(([to, word]) => (
            <Link key={to} to={to} className={(to === "/" ? path === "/" : path.startsWith(to)) ? "pf-tab pf-tab-on" : "pf-tab"}>{say(locale, word)}</Link>
          ))}
        </nav>
      </div>
    </SessionContext.Provider>
  );
}

function route(path: string, home: string) {
  let params: Record<string, string> | null;
  if (path === "/") return home === "/inbox" ? <Inbox /> : home === "/merchant" ? <MerchantPage /> : <ServiceHall />;
  if ((params = match("/services/:id", path))) return <FillForm key={params.id} serviceId={params.id} />;
  if (path === "/hall") return <ServiceHall />;
  if ((params = match("/services/:id/results", path))) return <ResultsPage key={params.id} serviceId={params.id} />;
  if (path === "/cases") return <MyCases />;
  if ((params = match("/cases/:id", path))) return <CasePage key={params.id} caseId={params.id} />;
  if (path === "/inbox") return <Inbox />;
  if (path === "/staff/cases") return <StaffCases />;
  if ((params = match("/tasks/:id", path))) return <TaskPage key={params.id} taskId={params.id} />;
  if (path === "/card") return <MemberCardPage />;
  if (path === "/merchant") return <MerchantPage />;
  if (path === "/feed") return <Feed />;
  if ((params = match("/feed/:id", path))) return <FeedItemPage key={params.id} id={params.id} />;
  if (path === "/notifications") return <Notifications />;
  if (path === "/me") return <Settings />;
  if (path.startsWith("/training") || path.startsWith("/contests/")) return <Suspense fallback={<p className="pf-loading">…</p>}><TrainingPages path={path} /></Suspense>;
  return <ServiceHall />;
}
