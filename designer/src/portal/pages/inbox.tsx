import { get } from "../api";
import type { TaskSummary } from "../api-types";
import { say, when } from "../i18n";
import { PageState } from "../page-state";
import { Link } from "../router";
import { useSession } from "../session";
import { useLoad } from "../use-load";

/** Tasks for me and my roles; the server orders them overdue first, and overdue ones are marked. */
export function Inbox() {
  const { locale } = useSession();
  const tasks = useLoad(() => get<TaskSummary[]>("/api/tasks"), []);
  return (
    <section>
      <h2>{say(locale, "inbox")}</h2>
      <PageState {...tasks}>{() => (tasks.value ?? []).length === 0
        ? <p className="pf-muted">{say(locale, "noTasks")}</p>
        : <ul className="pf-list">{tasks.value!.map(t => (
            <li key={t.id}>
              <Link to={`/tasks/${t.id}`} className={t.overdue ? "pf-list-item pf-overdue" : "pf-list-item"}>
                <strong>{t.title} · {t.serviceName}</strong>
                <span>{t.caseNumber} · {say(locale, "applicant")}: {t.applicant.displayName}</span>
                <span className="pf-muted">{t.assignee.orgName}</span>
                {t.dueAt && <span>{say(locale, "due", when(locale, t.dueAt))}{t.overdue && <strong> · {say(locale, "overdue")}</strong>}</span>}
              </Link>
            </li>))}
          </ul>}
      </PageState>
    </section>
  );
}
