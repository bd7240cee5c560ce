import type { ServiceDetail } from "../api-types";
import { say, when } from "../i18n";
import { Link } from "../router";
import { useSession } from "../session";

type Facts = NonNullable<ServiceDetail["responses"]>;

/** What a survey or vote's policy means for me now: closed, not yet open, already answered, secret; and a link to results where I may see them. */
export function ResponseNotice({ serviceId, facts }: { serviceId: string; facts: Facts }) {
  const { locale } = useSession();
  const lines: string[] = [];
  if (facts.window === "notYetOpen") lines.push(say(locale, "notOpenYet", when(locale, facts.opensAt ?? undefined)));
  else if (facts.window === "closed") lines.push(say(locale, "closedAt", when(locale, facts.closesAt ?? undefined)));
  else if (facts.answered) lines.push(say(locale, "alreadyAnswered", facts.period ?? ""));
  else if (facts.closesAt) lines.push(say(locale, "closesAt", when(locale, facts.closesAt)));
  if (facts.anonymity === "secretBallot") lines.push(say(locale, "secretBallot"));
  else if (facts.anonymity === "anonymousToHandlers") lines.push(say(locale, "anonymousAnswer"));
  return (
    <div className="pf-notice" role="status" data-testid="response-notice">
      {lines.map(line => <p key={line}>{line}</p>)}
      {facts.resultsVisible && <Link to={`/services/${serviceId}/results`}>{say(locale, "seeResults")}</Link>}
    </div>
  );
}
