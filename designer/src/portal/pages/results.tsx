import { get } from "../api";
import type { Results, ServiceDetail } from "../api-types";
import { labelOf, say, type Word } from "../i18n";
import { PageState } from "../page-state";
import { navigate } from "../router";
import { useSession } from "../session";
import { useLoad } from "../use-load";
import { Button } from "antd-mobile";

type Field = Results["fields"][number];

/** A survey's or vote's results as plain CSS bars (no chart library in the Portal), where the policy lets me see them. */
export function ResultsPage({ serviceId }: { serviceId: string }) {
  const { locale } = useSession();
  const answered = new URLSearchParams(window.location.search).has("answered");
  const loaded = useLoad(async () => {
    const service = await get<ServiceDetail>(`/api/services/${serviceId}`);
    const results = service.responses?.resultsVisible ? await get<Results>(`/api/services/${serviceId}/results`) : null;
    return { service, results };
  }, [serviceId]);
  return (
    <section>
      <PageState {...loaded}>{() => {
        const { service, results } = loaded.value!;
        const later: Word = service.responses?.anonymity === "secretBallot" ? "resultsLater" : "resultsHidden";
        return (
          <>
            <h2>{labelOf(service.name, locale)} · {say(locale, "results")}</h2>
            {answered && <p className="pf-notice" role="status">{say(locale, "answerSent")}</p>}
            {results ? <ResultList results={results} /> : <p className="pf-muted">{say(locale, later)}</p>}
          </>
        );
      }}</PageState>
      <Button fill="none" onClick={() => navigate("/")}>{say(locale, "back")}</Button>
    </section>
  );
}

function ResultList({ results }: { results: Results }) {
  const { locale } = useSession();
  const t = results.turnout;
  return (
    <div data-testid="results">
      <p className="pf-muted">{say(locale, "responsesCount", results.responses)}</p>
      {t && t.eligible > 0 && <p className="pf-muted">{say(locale, "turnout", t.participants, t.eligible, `${Math.round(t.rate * 100)}%`)}</p>}
      {results.fields.filter(f => f.options || f.mean != null || f.texts?.length).map(f => <FieldResult key={f.key} field={f} />)}
    </div>
  );
}

function FieldResult({ field }: { field: Field }) {
  const { locale } = useSession();
  const options = field.options ?? [];
  const most = Math.max(1, ...options.map(o => o.count));
  const name = (value: string, label: Field["label"]) =>
    label ? labelOf(label, locale) : field.type === "boolean" ? say(locale, value === "true" ? "yes" : "no") : value;
  const n = (x: number | null | undefined) => (x == null ? "–" : String(Math.round(x * 100) / 100));
  return (
    <div className="pf-result">
      <h3>{labelOf(field.label ?? field.key, locale)}</h3>
      {options.map(o => (
        <div key={o.value} className="pf-bar-row">
          <span className="pf-bar-label">{name(o.value, o.label)}</span>
          <span className="pf-bar" aria-hidden="true"><span className={`pf-bar-fill pf-w${Math.round((o.count / most) * 20) * 5}`} /></span>
          <span className="pf-bar-count">{o.count}</span>
        </div>
      ))}
      {field.type === "rating" && <p className="pf-muted">{say(locale, "average", n(field.mean))}</p>}
      {(field.type === "number" || field.type === "money") && <p className="pf-muted">{say(locale, "numberSummary", n(field.min), n(field.median), n(field.mean), n(field.max))}</p>}
      {field.texts && field.texts.length > 0 && <ul className="pf-texts">{field.texts.map((text, i) => <li key={i}>{text}</li>)}</ul>}
    </div>
  );
}
