import { Button } from "antd-mobile";
import { useEffect, useState } from "react";
import type { NotificationPage } from "../../api/openapi-types";
import { api, ApiProblem, get } from "../api";
import type { NotificationItem } from "../api-types";
import { say, when } from "../i18n";
import { PageState } from "../page-state";
import { Link } from "../router";
import { useSession } from "../session";

/** My messages, newest first, titled and worded by the server in my language (the module's texts, never a template key), a page at a time. */
export function Notifications() {
  const { locale } = useSession();
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; problem?: ApiProblem }>({ loading: true });
  const [tick, setTick] = useState(0);

  const page = (cursor: string | null) =>
    get<NotificationPage>(`/api/notifications?locale=${encodeURIComponent(locale)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)
      .then(p => ({ items: p.items as NotificationItem[], next: p.next ?? null }));
  useEffect(() => {
    let live = true;
    setState({ loading: true });
    page(null).then(
      p => { if (live) { setItems(p.items); setNext(p.next); setState({ loading: false }); } },
      (e: unknown) => { if (live) setState({ loading: false, problem: problemOf(e) }); },
    );
    return () => { live = false; };
  }, [locale, tick]); // eslint-disable-line react-hooks/exhaustive-deps
  const more = () => {
    if (next) void page(next).then(p => { setItems(list => [...list, ...p.items]); setNext(p.next); }, (e: unknown) => setState({ loading: false, problem: problemOf(e) }));
  };
  const read = (id: number) => void api("POST", `/api/notifications/${id}/read`).then(() => setItems(list => list.map(n => n.id === id ? { ...n, read: true } : n)));

  return (
    <section>
      <h2>{say(locale, "notifications")}</h2>
      <PageState loading={state.loading} problem={state.problem} reload={() => setTick(t => t + 1)}>{() => items.length === 0
        ? <p className="pf-muted">{say(locale, "noNotifications")}</p>
        : <>
            <ul className="pf-list">{items.map(n => (
              <li key={n.id} className={n.read ? "pf-list-item" : "pf-list-item pf-unread"}>
                <strong>{n.title}</strong>
                {n.body !== "" && <span>{n.body}</span>}
                <span className="pf-muted">{when(locale, n.createdAt)}{!n.read && ` · ${say(locale, "unread")}`}</span>
                {n.caseId !== undefined && n.caseId !== null && <Link to={`/cases/${n.caseId}`}>{say(locale, "timeline")}</Link>}
                {!n.read && <Button size="mini" onClick={() => read(n.id)}>{say(locale, "markRead")}</Button>}
              </li>))}
            </ul>
            {next && <Button block onClick={more}>{say(locale, "loadMore")}</Button>}
          </>}
      </PageState>
    </section>
  );
}

const problemOf = (e: unknown) => e instanceof ApiProblem ? e : new ApiProblem(0, String(e), undefined, []);
