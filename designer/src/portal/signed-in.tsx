import { lazy, Suspense, useEffect, type ComponentType } from "react";
import { say, when, type Word } from "./i18n";
import { registerServiceWorker, useConnectivity } from "./offline/connectivity";
import { flushQueue, useQueue } from "./offline/submission-queue";
import { Link, match, usePath } from "./router";
import { hasRole, isCadre, SessionContext, useSession, type Session } from "./session";

/**
 * Each page is its own chunk: a worker on a phone network loads the hall's few kilobytes, and the form runtime
 * (expression parser included) only when a form is opened. The hall and the form are fetched ahead when idle.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType<never>>>, name: K) {
  return lazy(() => load().then(m => ({ default: m[name] as ComponentType<Record<string, string>> })));
}
const loadHall = () => import("./pages/service-hall");
const loadForm = () => import("./pages/fill-form");
const ServiceHall = page(loadHall, "ServiceHall");
const FillForm = page(loadForm, "FillForm");
const CasePage = page(() => import("./pages/case-page"), "CasePage");
const Feed = page(() => import("./pages/feed"), "Feed");
const FeedItemPage = page(() => import("./pages/feed-item"), "FeedItemPage");
const ResultsPage = page(() => import("./pages/results"), "ResultsPage");
const Inbox = page(() => import("./pages/inbox"), "Inbox");
const MemberCardPage = page(() => import("./pages/member-card"), "MemberCardPage");
const MerchantPage = page(() => import("./pages/merchant"), "MerchantPage");
const MyCases = page(() => import("./pages/my-cases"), "MyCases");
const Notifications = page(() => import("./pages/notifications"), "Notifications");
const Settings = page(() => import("./pages/settings"), "Settings");
const StaffCases = page(() => import("./pages/staff-cases"), "StaffCases");
const TaskPage = page(() => import("./pages/task-page"), "TaskPage");
const MerchantDirectory = lazy(() => import("./pages/merchants"));
const TrainingPages = lazy(() => import("./pages/training"));
const MyRedemptions = page(() => import("./pages/redemptions"), "MyRedemptions");
const MerchantRedemptions = page(() => import("./pages/redemptions"), "MerchantRedemptions");

/** The form's scripts, fetched ahead while the sign-in page idles, once the hall's have come (app.tsx). */
export function prefetchForm(): void {
  void loadHall().then(() => loadForm()).catch(() => { /* a failed prefetch is retried by the real import */ });
}

/** The signed-in Portal: the pages each role uses, with a bottom navigation sized for thumbs. */
export default function SignedIn({ session }: { session: Session }) {
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
  useEffect(() => { const later = window.setTimeout(registerServiceWorker, 2000); return () => window.clearTimeout(later); }, []);
  // Applications submitted offline go out when the network returns, or now if it is back already.
  useEffect(() => {
    const flush = () => void flushQueue(me.userName);
    flush();
    window.addEventListener("online", flush);
    return () => window.removeEventListener("online", flush);
  }, [me.userName]);
  return (
    <SessionContext.Provider value={session}>
      <div className="pf-app">
        <header className="pf-header"><h1>{say(locale, "appName")}</h1><span className="pf-who">{me.displayName}</span></header>
        <OfflineBanner />
        <main className="pf-main">
          {/* One boundary per page: a page still loading never leaves the last page hidden in the document beside it. */}
          <Suspense key={path} fallback={<p className="pf-loading">{say(locale, "loading")}</p>}>{route(path, home)}</Suspense>
        </main>
        <nav className="pf-tabs" aria-label={say(locale, "appName")}>
          {tabs.map(([to, word]) => (
            <Link key={to} to={to} className={(to === "/" ? path === "/" : path.startsWith(to)) ? "pf-tab pf-tab-on" : "pf-tab"}>{say(locale, word)}</Link>
          ))}
        </nav>
      </div>
    </SessionContext.Provider>
  );
}

/** Says so while the Portal is offline, since when what it shows is, and what became of applications sent offline. */
function OfflineBanner() {
  const { locale } = useSession();
  const { offline, shownAsOf } = useConnectivity();
  const { pending, event } = useQueue();
  return (
    <div role="status">
      {offline && <p className="pf-offline">{shownAsOf ? say(locale, "offlineAsOf", when(locale, shownAsOf)) : say(locale, "offline")}</p>}
      {pending > 0 && <p className="pf-offline">{say(locale, "queuedOffline")}</p>}
      {event?.kind === "sent" && <p className="pf-offline"><Link to={`/cases/${event.caseId}`}>{say(locale, "queuedSent", event.number)}</Link></p>}
      {event?.kind === "failed" && <p className="pf-offline">{say(locale, "queuedFailed", event.detail)}</p>}
    </div>
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
  if (path === "/merchants") return <MerchantDirectory />;
  if (path === "/card/redemptions") return <MyRedemptions />;
  if (path === "/merchant/redemptions") return <MerchantRedemptions />;
  if (path === "/feed") return <Feed />;
  if ((params = match("/feed/:id", path))) return <FeedItemPage key={params.id} id={params.id} />;
  if (path === "/notifications") return <Notifications />;
  if (path === "/me") return <Settings />;
  if (path.startsWith("/training") || path.startsWith("/contests/")) return <TrainingPages path={path} />;
  return <ServiceHall />;
}
