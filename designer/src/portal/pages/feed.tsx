import { Button } from "antd-mobile";
import { useEffect, useId, useState } from "react";
import { ApiProblem, get } from "../api";
import type { FeedItem, FeedPage } from "../api-types";
import { say, when, type Word } from "../i18n";
import { PageState } from "../page-state";
import { Link } from "../router";
import { useSession } from "../session";

const kinds: [string | null, Word][] = [[null, "feedAll"], ["notice", "kindNotice"], ["faq", "kindFaq"], ["showcase", "kindShowcase"], ["directory", "kindDirectory"]];

export const kindWord = (kind: string): Word => kinds.find(([k]) => k === kind)?.[1] ?? "feedAll";

/** 资讯: the items published to my unions, pinned first, with search, kinds as filter chips and "load more" along the cursor. */
export function Feed() {
  const { locale } = useSession();
  const searchId = useId();
  const [kind, setKind] = useState<string | null>(() => new URLSearchParams(window.location.search).get("kind"));
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  const [items, setItems] = useState<FeedItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; problem?: ApiProblem }>({ loading: true });
  const [tick, setTick] = useState(0);

  const query = (cursor: string | null) => {
    const params = new URLSearchParams();
    if (kind) params.set("kind", kind);
    if (q) params.set("q", q);
    if (cursor) params.set("cursor", cursor);
    return get<FeedPage>(`/api/feed?${params}`);
  };
  useEffect(() => {
    let live = true;
    setState({ loading: true });
    query(null).then(
      page => { if (live) { setItems(page.items); setNext(page.next ?? null); setState({ loading: false }); } },
      (e: unknown) => { if (live) setState({ loading: false, problem: e instanceof ApiProblem ? e : new ApiProblem(0, String(e), undefined, []) }); },
    );
    return () => { live = false; };
  }, [kind, q, tick]); // eslint-disable-line react-hooks/exhaustive-deps

  const more = () => {
    if (!next) return;
    void query(next).then(page => { setItems(list => [...list, ...page.items]); setNext(page.next ?? null); },
      (e: unknown) => setState({ loading: false, problem: e instanceof ApiProblem ? e : undefined }));
  };

  return (
    <section className="pf-feed">
      <h2>{say(locale, "feed")}</h2>
      <form role="search" className="pf-feed-search" onSubmit={e => { e.preventDefault(); setQ(typed.trim()); }}>
        <label htmlFor={searchId}>{say(locale, "feedSearch")}</label>
        <input id={searchId} type="search" value={typed} onChange={e => setTyped(e.target.value)} maxLength={100} enterKeyHint="search" />
        <Button type="submit" size="small">{say(locale, "feedSearch")}</Button>
      </form>
      <div className="pf-chips" role="group" aria-label={say(locale, "feed")}>
        {kinds.map(([k, word]) => (
          <button key={word} type="button" className={k === kind ? "pf-chip pf-chip-on" : "pf-chip"} aria-pressed={k === kind} onClick={() => setKind(k)}>
            {say(locale, word)}
          </button>
        ))}
      </div>
      <PageState loading={state.loading} problem={state.problem} reload={() => setTick(t => t + 1)}>{() => items.length === 0
        ? <p className="pf-muted">{say(locale, "noFeed")}</p>
        : <>
            <ul className="pf-list">{items.map(item => (
              <li key={item.id}>
                <Link to={`/feed/${item.id}`} className="pf-list-item pf-feed-item">
                  <strong>{item.pinned && <span className="pf-pin">{say(locale, "pinned")}</span>}{item.title}</strong>
                  {item.summary && <span>{item.summary}</span>}
                  <span className="pf-muted">{say(locale, kindWord(item.kind))} · {item.orgName} · {when(locale, item.publishAt ?? undefined)}</span>
                </Link>
              </li>))}
            </ul>
            {next && <Button block onClick={more}>{say(locale, "loadMore")}</Button>}
          </>}
      </PageState>
    </section>
  );
}
