import { get } from "../api";
import type { CaseSummary } from "../api-types";
import { CaseStatus } from "../case-status";
import { say, when } from "../i18n";
import { PageState } from "../page-state";
import { Link } from "../router";
import { useSession } from "../session";
import { useLoad } from "../use-load";

export function MyCases() {
  const { locale } = useSession();
  const cases = useLoad(() => get<CaseSummary[]>("/api/cases?mine=true"), []);
  return (
    <section>
      <h2>{say(locale, "myCases")}</h2>
      <PageState {...cases}>{() => (cases.value ?? []).length === 0
        ? <p className="pf-muted">{say(locale, "noCases")}</p>
        : <ul className="pf-list">{cases.value!.map(c => (
            <li key={c.id}>
              <Link to={`/cases/${c.id}`} className="pf-list-item">
                <strong>{c.serviceName}</strong>
                <span>{c.number} <CaseStatus status={c.status} locale={locale} /></span>
                {c.currentStep && <span className="pf-muted">{c.currentStep}</span>}
                <span className="pf-muted">{when(locale, c.updatedAt)}</span>
              </Link>
            </li>))}
          </ul>}
      </PageState>
    </section>
  );
}
