import { get } from "../api";
import type { FeedItemDetail } from "../api-types";
import { say, when } from "../i18n";
import { PageState } from "../page-state";
import { RichBody } from "../rich-body";
import { Link } from "../router";
import { useSession } from "../session";
import { useLoad } from "../use-load";
import { kindWord } from "./feed";

const fileSrc = (id: string) => `/api/files/${encodeURIComponent(id)}`;

/** One feed item: reading it counts a read; staff of the publishing union also see how many have read it. */
export function FeedItemPage({ id }: { id: string }) {
  const { locale } = useSession();
  const item = useLoad(() => get<FeedItemDetail>(`/api/feed/${encodeURIComponent(id)}`), [id]);
  return (
    <article className="pf-feed-detail">
      <Link to="/feed">{say(locale, "back")}</Link>
      <PageState {...item}>{() => {
        const it = item.value!;
        return <>
          <h2>{it.title}</h2>
          <p className="pf-muted">
            {say(locale, kindWord(it.kind))} · {it.orgName} · {say(locale, "published", when(locale, it.publishAt ?? undefined))}
          </p>
          {it.uniqueReaders != null && <p className="pf-muted" data-testid="read-counts">{say(locale, "readCounts", it.uniqueReaders, it.reads ?? 0)}</p>}
          {it.coverFileId && <img className="pf-cover" src={fileSrc(it.coverFileId)} alt="" />}
          {it.summary && <p className="pf-lead">{it.summary}</p>}
          {it.phone && <p><a className="pf-call" href={`tel:${it.phone.replace(/[^0-9+]/g, "")}`}>{say(locale, "callHotline", it.phone)}</a></p>}
          {it.qrFileId && <img className="pf-qr" src={fileSrc(it.qrFileId)} alt={say(locale, "qrOf", it.title)} />}
          <RichBody html={it.body} />
          {it.attachments.length > 0 && <>
            <h3>{say(locale, "attachments")}</h3>
            <ul className="pf-plain">{it.attachments.map(f => <li key={f.id}><a href={fileSrc(f.id)} download={f.name}>{f.name}</a></li>)}</ul>
          </>}
        </>;
      }}</PageState>
    </article>
  );
}
