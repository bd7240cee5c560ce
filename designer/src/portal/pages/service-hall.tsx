import { askAhead, formAnswers, hallAnswer, takeAhead } from "../ahead";
import type { ServiceSummary } from "../api-types";
import { labelOf, say } from "../i18n";
import { handOverFirstScreen } from "../first-screen";
import { categoryWords } from "../hall-words";
import { PageState } from "../page-state";
import { Link } from "../router";
import { useEffect, useLayoutEffect } from "react";
import { useSession } from "../session";
import { useLoad } from "../use-load";

/** The services for my union, grouped by category (asked for ahead when the Portal opens at the hall: app.tsx). */
export function ServiceHall() {
  const { locale } = useSession();
  const services = useLoad(() => takeAhead<ServiceSummary[]>(hallAnswer), []);
  // Once the hall shows, fetch the form page's script: a tap on a service comes next.
  useEffect(() => { if (services.value) void import("./fill-form").catch(() => { /* the real import retries */ }); }, [services.value]);
  // The server's drawing of this hall (first-screen.ts) stays until this one has its services, or its problem.
  useLayoutEffect(() => { if (!services.loading) handOverFirstScreen(); }, [services.loading]);
  return (
    <section>
      <h2>{say(locale, "hall")}</h2>
      <PageState {...services}>{() => {
        const list = services.value ?? [];
        if (list.length === 0) return <p className="pf-muted">{say(locale, "noServices")}</p>;
        const byCategory = new Map<string, ServiceSummary[]>();
        for (const s of list) {
          const category = categoryName(s.category, locale);
          byCategory.set(category, [...(byCategory.get(category) ?? []), s]);
        }
        return [...byCategory].map(([category, items]) => (
          <div key={category} className="pf-group">
            <h3>{category}</h3>
            <ul className="pf-list">
              {items.map(s => (
                <li key={s.id}>
                  <Link to={`/services/${s.id}`} className="pf-list-item" before={() => formAnswers(String(s.id)).forEach(askAhead)}>
                    <strong>{labelOf(s.name, locale)}</strong>
                    {s.description && <span className="pf-muted">{labelOf(s.description, locale)}</span>}
                    <span className="pf-muted">{s.orgName}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ));
      }}</PageState>
    </section>
  );
}

/** Category codes of the shipped modules in the reader's language; other codes as they are. */
function categoryName(code: string | null | undefined, locale: Parameters<typeof say>[0]): string {
  if (!code) return say(locale, "other");
  return code in categoryWords ? say(locale, categoryWords[code]) : code;
}
