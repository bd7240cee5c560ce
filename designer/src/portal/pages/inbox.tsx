import { Button } from "antd-mobile";
import { useId, useState } from "react";
import { api, ApiProblem, get } from "../api";
import type { Person, PersonPage, ServiceSummary, TaskSummary } from "../api-types";
import { labelOf, say, when, type Word } from "../i18n";
import { PageState } from "../page-state";
import { usePagedList, type Filters } from "../paging";
import { Link } from "../router";
import { useSession } from "../session";
import { useLoad } from "../use-load";

const claims: [string, Word][] = [["", "allOption"], ["unclaimed", "claimUnclaimed"], ["mine", "claimMine"], ["others", "claimOthers"]];

/** Tasks for me, my roles and the colleagues I stand in for, newest first, with filters, "load more", and claim, release and reassign. */
export function Inbox() {
  const { locale } = useSession();
  const id = useId();
  const [claim, setClaim] = useState("");
  const [overdue, setOverdue] = useState(false);
  const [serviceId, setServiceId] = useState("");
  const [step, setStep] = useState("");
  const [typedStep, setTypedStep] = useState("");
  const filters: Filters = { claim, overdue, serviceId, step };
  const tasks = usePagedList<TaskSummary>("/api/tasks", filters);
  const services = useLoad(() => get<ServiceSummary[]>("/api/services"), []);

  return (
    <section>
      <h2>{say(locale, "inbox")}</h2>
      <div className="pf-chips" role="group" aria-label={say(locale, "inbox")}>
        {claims.map(([value, word]) => (
          <button key={word} type="button" className={value === claim ? "pf-chip pf-chip-on" : "pf-chip"} aria-pressed={value === claim} onClick={() => setClaim(value)}>
            {say(locale, word)}
          </button>
        ))}
        <button type="button" className={overdue ? "pf-chip pf-chip-on" : "pf-chip"} aria-pressed={overdue} onClick={() => setOverdue(o => !o)}>
          {say(locale, "overdueOnly")}
        </button>
      </div>
      <form role="search" className="pf-filters" onSubmit={e => { e.preventDefault(); setStep(typedStep.trim()); }}>
        <label htmlFor={`${id}-service`}>{say(locale, "service")}
          <select id={`${id}-service`} value={serviceId} onChange={e => setServiceId(e.target.value)}>
            <option value="">{say(locale, "allOption")}</option>
            {(services.value ?? []).map(s => <option key={s.id} value={s.id}>{labelOf(s.name, locale)}</option>)}
          </select>
        </label>
        <label htmlFor={`${id}-step`}>{say(locale, "step")}
          <input id={`${id}-step`} type="search" maxLength={100} value={typedStep} onChange={e => setTypedStep(e.target.value)} onBlur={() => setStep(typedStep.trim())} />
        </label>
      </form>
      <PageState loading={tasks.loading} problem={tasks.problem} reload={tasks.reload}>{() => tasks.items.length === 0
        ? <p className="pf-muted">{say(locale, "noTasks")}</p>
        : <>
            <ul className="pf-list">{tasks.items.map(t => <li key={t.id}><InboxTask task={t} onChanged={tasks.update} /></li>)}</ul>
            {tasks.next && <Button block onClick={tasks.more}>{say(locale, "loadMore")}</Button>}
          </>}
      </PageState>
    </section>
  );
}

function InboxTask({ task: t, onChanged }: { task: TaskSummary; onChanged: (task: TaskSummary) => void }) {
  const { me, locale } = useSession();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [assignees, setAssignees] = useState<Person[] | null>(null);
  const [to, setTo] = useState("");
  const mine = t.claim?.by.id === me.id;

  const act = async (path: string, body?: unknown) => {
    setBusy(true);
    setProblem(null);
    try {
      onChanged(await api<TaskSummary>("POST", `/api/tasks/${t.id}/${path}`, body));
      setAssignees(null);
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.detail ?? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  const openReassign = async () => {
    try {
      const page = await get<PersonPage>(`/api/tasks/${t.id}/assignees?limit=100`);
      setAssignees(page.items.filter(p => p.id !== t.claim?.by.id));
      setTo("");
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.detail ?? e.title : String(e));
    }
  };

  return (
    <div className="pf-task">
      <Link to={`/tasks/${t.id}`} className={t.overdue ? "pf-list-item pf-overdue" : "pf-list-item"}>
        <strong>{t.title} · {labelOf(t.serviceName, locale)}</strong>
        <span>{t.caseNumber}{t.applicant.displayName != null && <> · {say(locale, "applicant")}: {t.applicant.displayName}</>}</span>
        <span className="pf-muted">{t.assignee.orgName}</span>
        {t.dueAt && <span>{say(locale, "due", when(locale, t.dueAt))}{t.overdue && <strong> · {say(locale, "overdue")}</strong>}</span>}
        {t.claim && <span className="pf-muted">{say(locale, "claimedBy", t.claim.by.displayName)}</span>}
      </Link>
      <div className="pf-actions">
        {!t.claim && <Button size="small" color="primary" loading={busy} onClick={() => void act("claim")}>{say(locale, "claimTask")}</Button>}
        {mine && <Button size="small" loading={busy} onClick={() => void act("release")}>{say(locale, "releaseTask")}</Button>}
        {(!t.claim || mine) && assignees === null && <Button size="small" disabled={busy} onClick={() => void openReassign()}>{say(locale, "reassignTask")}</Button>}
      </div>
      {assignees !== null && (
        <form className="pf-actions" onSubmit={e => { e.preventDefault(); if (to) void act("reassign", { accountId: to }); }}>
          <label className="pf-field" htmlFor={`${id}-to`}>{say(locale, "reassignTo")}
            <select id={`${id}-to`} value={to} onChange={e => setTo(e.target.value)}>
              <option value="" />
              {assignees.map(p => <option key={p.id} value={p.id}>{p.displayName}</option>)}
            </select>
          </label>
          <Button size="small" type="submit" color="primary" disabled={!to || busy}>{say(locale, "reassignTask")}</Button>
          <Button size="small" onClick={() => setAssignees(null)}>{say(locale, "cancel")}</Button>
        </form>
      )}
      {problem && <p className="pf-error pf-actions" role="alert">{problem}</p>}
    </div>
  );
}
