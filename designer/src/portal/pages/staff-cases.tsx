import { Button } from "antd-mobile";
import { useId, useState } from "react";
import { get } from "../api";
import type { CaseSummary, ServiceSummary } from "../api-types";
import { CaseStatus } from "../case-status";
import { labelOf, say, when, type Word } from "../i18n";
import { PageState } from "../page-state";
import { pageUrl, usePagedList, type Filters } from "../paging";
import { Link } from "../router";
import { useSession } from "../session";
import { useLoad } from "../use-load";

const statuses: Word[] = ["running", "waitingForApplicant", "finished", "rejected", "faulted"];
const empty = { number: "", applicant: "", status: "", serviceId: "", submittedFrom: "", submittedTo: "" };

/** 案件: the cases of my subtrees, searched by number, applicant, status, service and days, paged, and exported (masked) to Excel. */
export function StaffCases() {
  const { locale } = useSession();
  const id = useId();
  const [typed, setTyped] = useState(empty);
  const [filters, setFilters] = useState<Filters>({});
  const cases = usePagedList<CaseSummary>("/api/cases", filters);
  const services = useLoad(() => get<ServiceSummary[]>("/api/services"), []);
  const field = (key: keyof typeof empty) => ({
    id: `${id}-${key}`, value: typed[key], onChange: (e: { target: { value: string } }) => setTyped(t => ({ ...t, [key]: e.target.value })),
  });

  return (
    <section>
      <h2>{say(locale, "staffCases")}</h2>
      <form role="search" onSubmit={e => { e.preventDefault(); setFilters({ ...typed }); }}>
        <div className="pf-filters">
          <label htmlFor={`${id}-number`}>{say(locale, "caseNumber")}<input type="search" maxLength={40} {...field("number")} /></label>
          <label htmlFor={`${id}-applicant`}>{say(locale, "applicantFilter")}<input type="search" maxLength={100} {...field("applicant")} /></label>
          <label htmlFor={`${id}-status`}>{say(locale, "status")}
            <select {...field("status")}>
              <option value="">{say(locale, "allOption")}</option>
              {statuses.map(s => <option key={s} value={s}>{say(locale, s)}</option>)}
            </select>
          </label>
          <label htmlFor={`${id}-serviceId`}>{say(locale, "service")}
            <select {...field("serviceId")}>
              <option value="">{say(locale, "allOption")}</option>
              {(services.value ?? []).map(s => <option key={s.id} value={s.id}>{labelOf(s.name, locale)}</option>)}
            </select>
          </label>
          <label htmlFor={`${id}-submittedFrom`}>{say(locale, "submittedFrom")}<input type="date" {...field("submittedFrom")} /></label>
          <label htmlFor={`${id}-submittedTo`}>{say(locale, "submittedTo")}<input type="date" {...field("submittedTo")} /></label>
        </div>
        <div className="pf-row">
          <Button type="submit" color="primary">{say(locale, "search")}</Button>
          <a className="pf-export" href={pageUrl("/api/cases/export", filters)} download>{say(locale, "exportExcel")}</a>
        </div>
        <p className="pf-muted">{say(locale, "exportNote")}</p>
      </form>
      <PageState loading={cases.loading} problem={cases.problem} reload={cases.reload}>{() => cases.items.length === 0
        ? <p className="pf-muted">{say(locale, "noMatches")}</p>
        : <>
            <ul className="pf-list">{cases.items.map(c => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`} className="pf-list-item">
                  <strong>{c.number} · {labelOf(c.serviceName, locale)}</strong>
                  <span>{say(locale, "applicant")}: {c.applicant.displayName} <CaseStatus status={c.status} locale={locale} /></span>
                  <span className="pf-muted">{c.orgName} · {when(locale, c.createdAt)}{c.currentStep ? ` · ${c.currentStep}` : ""}</span>
                </Link>
              </li>))}
            </ul>
            {cases.next && <Button block onClick={cases.more}>{say(locale, "loadMore")}</Button>}
          </>}
      </PageState>
    </section>
  );
}
