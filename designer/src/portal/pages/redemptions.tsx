import { Button } from "antd-mobile";
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
  const list = usePagedList<MyRedemption>("/api/members/me/redemptions", {});
  if (list.problem instanceof ApiProblem && list.problem.status === 404)
    return <section><h2>{say(locale, "redemptions")}</h2><p className="pf-card">{say(locale, "notMember")}</p></section>;
  return (
    <section>
      <h2>{say(locale, "redemptions")}</h2>
      <p><Link to="/card">{say(locale, "backToCard")}</Link></p>
      <PageState loading={list.loading} problem={list.problem} reload={list.reload}>{() => list.items.length === 0
        ? <p className="pf-muted">{say(locale, "noRedemptions")}</p>
        : <>
            <ul className="pf-list" aria-label={say(locale, "redemptions")}>{list.items.map(r => (
              <li key={r.id} className="pf-list-item">
                <strong>{r.benefitName}</strong>
                <span>{r.merchant ?? say(locale, "redeemedByService")}</span>
                <span className="pf-muted">{when(locale, r.at)}</span>
              </li>))}
            </ul>
            {list.next && <Button block onClick={list.more}>{say(locale, "loadMore")}</Button>}
          </>}
      </PageState>
    </section>
  );
}

/** 核销记录 of a merchant: every use its accounts recorded, newest first, member numbers masked. */
export function MerchantRedemptions() {
  const { locale } = useSession();
  const list = usePagedList<RedemptionRecord>("/api/merchants/me/redemptions", {});
  return (
    <section>
      <h2>{say(locale, "redemptions")}</h2>
      <p><Link to="/merchant">{say(locale, "backToVerify")}</Link></p>
      <PageState loading={list.loading} problem={list.problem} reload={list.reload}>{() => list.items.length === 0
        ? <p className="pf-muted">{say(locale, "noRedemptions")}</p>
        : <>
            <ul className="pf-list" aria-label={say(locale, "redemptions")}>{list.items.map(r => (
              <li key={r.id} className="pf-list-item">
                <strong>{r.benefitName}</strong>
                <span>{say(locale, "memberNumber")}: {r.memberNumber} · {r.recordedBy}</span>
                {r.note && <span>{r.note}</span>}
                <span className="pf-muted">{when(locale, r.at)}</span>
              </li>))}
            </ul>
            {list.next && <Button block onClick={list.more}>{say(locale, "loadMore")}</Button>}
          </>}
      </PageState>
    </section>
  );
}
