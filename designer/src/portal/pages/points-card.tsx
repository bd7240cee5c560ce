import { Button } from "antd-mobile";
import { useState } from "react";
import { get } from "../api";
import type { Points } from "../api-types";
import { say, when } from "../i18n";
import { PageState } from "../page-state";
import { useSession } from "../session";
import { useLoad } from "../use-load";

/** My points: the balance and the ledger's lines with their reasons, newest first, more on request. */
export function PointsCard() {
  const { locale } = useSession();
  const first = useLoad(() => get<Points>("/api/me/points"), []);
  const [more, setMore] = useState<Points[]>([]);
  const next = more.length > 0 ? more[more.length - 1].next : first.value?.next;
  const loadMore = () => { if (next) void get<Points>(`/api/me/points?cursor=${encodeURIComponent(next)}`).then(page => setMore(pages => [...pages, page])); };

  return (
    <div className="pf-card" aria-labelledby="pf-points-title">
      <PageState {...first}>{() => {
        const lines = [first.value!, ...more].flatMap(page => page.items);
        return (
          <>
            <h3 id="pf-points-title">{say(locale, "points")}: <strong data-testid="points-balance">{first.value!.balance}</strong></h3>
            {lines.length === 0 ? <p className="pf-muted">{say(locale, "pointsEmpty")}</p> : (
              <ul className="pf-plain" data-testid="points-lines">
                {lines.map(line => (
                  <li key={line.id}>
                    <strong>+{line.points}</strong> {line.reason}
                    {line.capped && <span className="pf-muted"> ({say(locale, "pointsCapped")})</span>}
                    <span className="pf-muted"> · {when(locale, line.awardedAt)}</span>
                  </li>
                ))}
              </ul>
            )}
            {next && <Button fill="none" size="small" onClick={loadMore}>{say(locale, "more")}</Button>}
          </>
        );
      }}</PageState>
    </div>
  );
}
