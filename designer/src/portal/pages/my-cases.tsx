import { Button } from "antd-mobile";
import type { CaseSummary } from "../api-types";
import { CaseStatus } from "../case-status";
import { labelOf, say, when } from "../i18n";
import { PageState } from "../page-state";
import { usePagedList } from "../paging";
import { Link } from "../router";
import { useSession } from "../session";

const mine = { mine: true };

export function MyCases() {
  const { locale } = useSession();
  const cases = usePagedList<CaseSummary>("/api/cases", mine);
  return (
    <section>
      <h2>{say(locale, "myCases")}</h2>
      <PageState loading={cases.loading} problem={cases.problem} reload={cases.reload}>{() => cases.items.length === 0
        ? <p className="pf-muted">{say(locale, "noCases")}</p>
        : <>
            <ul className="pf-list">{cases.items.map(c => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`} className="pf-list-item">
                  <strong>{labelOf(c.serviceName, locale)}</strong>
                  <span>{c.number} <CaseStatus status={c.status} locale={locale} /></span>
                  {c.currentStep && <span className="pf-muted">{c.currentStep}</span>}
                  <span className="pf-muted">{when(locale, c.updatedAt)}</span>
                </Link>
              </li>))}
            </ul>
            {cases.next && <Button block onClick={cases.more}>{say(locale, "loadMore")}</Button>}
          </>}
      </PageState>
    </section>
  );
}
