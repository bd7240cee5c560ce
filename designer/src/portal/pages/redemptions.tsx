import { Button } from "antd-mobile";
import type { ReactNode } from "react";
import type { MyRedemption, RedemptionRecord } from "../../api/openapi-types";
import { ApiProblem } from "../api";
import { say, when } from "../i18n";
import { PageState } from "../page-state";
import { usePagedList } from "../paging";
import { Link } from "../router";
import { useSession } from "../session";

/** 核销记录 of a member: my benefit uses, newest first, with the merchant that recorded each. */
export function MyRedemptions() {
  const { locale } = useSession();
  return (
    <Redemptions<MyRedemption> path="/api/members/me/redemptions" back={<Link to="/card">{say(locale, "backToCard")}</Link>}
      line={r => r.merchant ?? say(locale, "redeemedByService")} />
  );
}

/** 核销记录 of a merchant: every use its accounts recorded, newest first, member numbers masked. */
export function MerchantRedemptions() {
  const { locale } = useSession();
  return (
    <Redemptions<RedemptionRecord> path="/api/merchants/me/redemptions" back={<Link to="/merchant">{say(locale, "backToVerify")}</Link>}
      line={r => `${say(locale, "memberNumber")}: ${r.memberNumber} · ${r.recordedBy}${r.note ? ` · ${r.note}` : ""}`} />
  );
}

/** A paged list of redemptions: the benefit, one line about who, and when; a 404 from a member list says "not a member yet". */
function Redemptions<T extends { id: number; at: string; benefitName: string }>({ path, back, line }: { path: string; back: ReactNode; line(r: T): string }) {
  const { locale } = useSession();
  const list = usePagedList<T>(path, {});
  const heading = <h2>{say(locale, "redemptions")}</h2>;
  if (list.problem instanceof ApiProblem && list.problem.status === 404 && path.startsWith("/api/members/"))
    return <section>{heading}<p className="pf-card">{say(locale, "notMember")}</p></section>;
  return (
    <section>
      {heading}
      <p>{back}</p>
      <PageState loading={list.loading} problem={list.problem} reload={list.reload}>{() => list.items.length === 0
        ? <p className="pf-muted">{say(locale, "noRedemptions")}</p>
        : <>
            <ul className="pf-list" aria-label={say(locale, "redemptions")}>{list.items.map(r => (
              <li key={r.id} className="pf-list-item">
                <strong>{r.benefitName}</strong>
                <span>{line(r)}</span>
                <span className="pf-muted">{when(locale, r.at)}</span>
              </li>))}
            </ul>
            {list.next && <Button block onClick={list.more}>{say(locale, "loadMore")}</Button>}
          </>}
      </PageState>
    </section>
  );
}
