import { useEffect, useState } from "react";
import { ApiProblem, get } from "../api";
import type { Entitlement, MemberCard } from "../api-types";
import { labelOf, say, when } from "../i18n";
import { PageState } from "../page-state";
import { PointsCard } from "./points-card";
import { Link } from "../router";
import { useSession } from "../session";
import { useLoad } from "../use-load";

/** How long before the credential expires the card fetches a fresh one (and never more often than this floor). */
const refreshLeadMs = 30_000;
const refreshFloorMs = 15_000;

/** My member card: the QR of a short-lived signed credential, refreshed before it expires, my benefits and my points. */
export function MemberCardPage() {
  const { locale } = useSession();
  const card = useLoad(() => get<MemberCard & { expiresAt?: string }>("/api/members/me/card"), []);
  const benefits = useLoad(() => get<Entitlement[]>("/api/members/me/entitlements").catch(() => []), []);
  const expiresAt = card.value?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const wait = Math.max(new Date(expiresAt).getTime() - Date.now() - refreshLeadMs, refreshFloorMs);
    const timer = window.setTimeout(card.reload, wait);
    return () => window.clearTimeout(timer);
  }, [expiresAt, card.reload]);
  // Offline, the refresh answers the kept card: its credential is shown until it expires, and never after.
  const [now, setNow] = useState(() => Date.now());
  const expired = expiresAt !== undefined && new Date(expiresAt).getTime() <= now;
  useEffect(() => {
    if (!expiresAt || expired) return;
    const timer = window.setTimeout(() => setNow(Date.now()), new Date(expiresAt).getTime() - Date.now() + 50);
    return () => window.clearTimeout(timer);
  }, [expiresAt, expired]);

  if (card.problem instanceof ApiProblem && card.problem.status === 404)
    return <section><h2>{say(locale, "card")}</h2><p className="pf-card">{say(locale, "notMember")}</p><PointsCard /></section>;
  return (
    <section>
      <h2>{say(locale, "card")}</h2>
      <PageState {...card}>{() => {
        const c = card.value!;
        return (
          <div className="pf-card pf-member-card">
            <p className="pf-card-name">{c.displayName}</p>
            <p>{c.orgName}</p>
            <p>{say(locale, "memberNumber")}: <strong data-testid="member-number">{c.memberNumber}</strong></p>
            <p>{say(locale, "status")}: {c.status === "active" ? say(locale, "active") : say(locale, "suspended")}</p>
            <p>{say(locale, "since")}: {when(locale, c.since)}</p>
            {expired
              ? <p className="pf-error" role="alert">{say(locale, "cardExpiredOffline")}</p>
              : <img className="pf-qr" alt={`${say(locale, "card")} QR ${c.memberNumber}`} data-credential={c.credential}
                  src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(c.qrSvg)}`} />}
            <p className="pf-muted">{say(locale, "cardRefresh")}</p>
          </div>
        );
      }}</PageState>
      {(benefits.value ?? []).length > 0 && (
        <div className="pf-card">
          <h3>{say(locale, "benefits")}</h3>
          <ul className="pf-plain">{benefits.value!.map(b => <li key={b.id}>{labelOf(b.name, locale)} · {say(locale, "remaining", b.remaining, b.quota)}</li>)}</ul>
        </div>
      )}
      <p className="pf-row"><Link to="/merchants">{say(locale, "findMerchants")}</Link><Link to="/card/redemptions">{say(locale, "redemptions")}</Link></p>
      <PointsCard />
    </section>
  );
}
