import { Button } from "antd-mobile";
import { useId, useState } from "react";
import type { MerchantFacets, MerchantListing } from "../../api/openapi-types";
import { get } from "../api";
import { say } from "../i18n";
import { PageState } from "../page-state";
import { usePagedList, type Filters } from "../paging";
import { useSession } from "../session";
import { useLoad } from "../use-load";

const empty = { q: "", category: "", district: "" };

/** 商户: the merchants a member may use today, searched by name, address or discount and filtered by category and district. */
export default function MerchantDirectory() {
  const { locale } = useSession();
  const id = useId();
  const [typed, setTyped] = useState(empty);
  const [filters, setFilters] = useState<Filters>({});
  const merchants = usePagedList<MerchantListing>("/api/merchants", filters);
  const facets = useLoad(() => get<MerchantFacets>("/api/merchants/facets"), []);
  const field = (key: keyof typeof empty) => ({
    id: `${id}-${key}`, value: typed[key], onChange: (e: { target: { value: string } }) => setTyped(t => ({ ...t, [key]: e.target.value })),
  });
  // A choice among the filters applies at once; typed text waits for the search button.
  const choose = (key: "category" | "district") => (e: { target: { value: string } }) => {
    const next = { ...typed, [key]: e.target.value };
    setTyped(next);
    setFilters({ ...next });
  };

  return (
    <section>
      <h2>{say(locale, "merchants")}</h2>
      <form role="search" onSubmit={e => { e.preventDefault(); setFilters({ ...typed }); }}>
        <div className="pf-filters">
          <label htmlFor={`${id}-q`}>{say(locale, "merchantSearch")}<input type="search" maxLength={100} {...field("q")} /></label>
          <label htmlFor={`${id}-category`}>{say(locale, "merchantCategory")}
            <select {...field("category")} onChange={choose("category")}>
              <option value="">{say(locale, "allOption")}</option>
              {(facets.value?.categories ?? []).map(c => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
          <label htmlFor={`${id}-district`}>{say(locale, "merchantDistrict")}
            <select {...field("district")} onChange={choose("district")}>
              <option value="">{say(locale, "allOption")}</option>
              {(facets.value?.districts ?? []).map(d => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </label>
        </div>
        <Button type="submit" color="primary">{say(locale, "search")}</Button>
      </form>
      <PageState loading={merchants.loading} problem={merchants.problem} reload={merchants.reload}>{() => merchants.items.length === 0
        ? <p className="pf-muted">{say(locale, "noMerchants")}</p>
        : <>
            <ul className="pf-list" aria-label={say(locale, "merchants")}>{merchants.items.map(m => (
              <li key={m.id} className="pf-list-item">
                <strong>{m.name}</strong>
                <span className="pf-muted">{m.category} · {m.districtName}</span>
                {m.discount && <span>{m.discount}</span>}
                {m.benefits.length > 0 && <span>{say(locale, "merchantBenefits")}: {m.benefits.map(b => b.name).join("、")}</span>}
                {m.address && <span className="pf-muted">{m.address}</span>}
                {m.contactPhone && <a href={`tel:${m.contactPhone}`}>{m.contactPhone}</a>}
                {m.activeUntil && <span className="pf-muted">{say(locale, "merchantUntil", m.activeUntil)}</span>}
              </li>))}
            </ul>
            {merchants.next && <Button block onClick={merchants.more}>{say(locale, "loadMore")}</Button>}
          </>}
      </PageState>
    </section>
  );
}
