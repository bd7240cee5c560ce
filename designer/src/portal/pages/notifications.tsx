import { Button } from "antd-mobile";
import { api, get } from "../api";
import type { NotificationItem } from "../api-types";
import { say, when } from "../i18n";
import { PageState } from "../page-state";
import { Link } from "../router";
import { useSession } from "../session";
import { useLoad } from "../use-load";

/** My messages, newest first, titled and worded by the server in my language (the module's texts, never a template key). */
export function Notifications() {
  const { locale } = useSession();
  const list = useLoad(() => get<NotificationItem[]>(`/api/notifications?locale=${encodeURIComponent(locale)}`), [locale]);
  return (
    <section>
      <h2>{say(locale, "notifications")}</h2>
      <PageState {...list}>{() => (list.value ?? []).length === 0
        ? <p className="pf-muted">{say(locale, "noNotifications")}</p>
        : <ul className="pf-list">{list.value!.map(n => (
            <li key={n.id} className={n.read ? "pf-list-item" : "pf-list-item pf-unread"}>
              <strong>{n.title}</strong>
              {n.body !== "" && <span>{n.body}</span>}
              <span className="pf-muted">{when(locale, n.createdAt)}{!n.read && ` · ${say(locale, "unread")}`}</span>
              {n.caseId !== undefined && n.caseId !== null && <Link to={`/cases/${n.caseId}`}>{say(locale, "timeline")}</Link>}
              {!n.read && <Button size="mini" onClick={() => void api("POST", `/api/notifications/${n.id}/read`).then(list.reload)}>{say(locale, "markRead")}</Button>}
            </li>))}
          </ul>}
      </PageState>
    </section>
  );
}
