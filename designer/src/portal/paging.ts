import { useCallback, useEffect, useState } from "react";
import { ApiProblem, get } from "./api";

/** A page of a list the server pages with `?limit=&cursor=`: `next` is the cursor of the following page, null on the last. */
export interface Page<T> { items: T[]; next?: string | null }

export type Filters = Record<string, string | boolean | number | null | undefined>;

/** The list's address: the filters that hold a value (empty text, null and false are left out) and the cursor. */
export function pageUrl(path: string, filters: Filters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === false) continue;
    const text = String(value).trim();
    if (text) params.set(key, text);
  }
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * The items so far with the next page appended. An item already shown (a row that moved while paging) keeps its
 * place and takes the newer copy, so the list never shows one thing twice.
 */
export function appendPage<T extends { id: string | number }>(shown: T[], page: T[]): T[] {
  const fresh = new Map(page.map(item => [item.id, item]));
  const kept = shown.map(item => fresh.get(item.id) ?? item);
  const known = new Set(shown.map(item => item.id));
  return [...kept, ...page.filter(item => !known.has(item.id))];
}

/** One item replaced in place (a claimed task's new holder), by id. */
export const replaceItem = <T extends { id: string | number }>(items: T[], changed: T): T[] => items.map(item => item.id === changed.id ? changed : item);

/**
 * A paged list for a page: the first page for the filters (again whenever they change), `more` along the cursor,
 * `reload` from the start, and `update` for one changed item.
 */
export function usePagedList<T extends { id: string | number }>(path: string, filters: Filters) {
  const key = pageUrl(path, filters);
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [state, setState] = useState<{ loading: boolean; problem?: ApiProblem }>({ loading: true });
  const [tick, setTick] = useState(0);
  const fail = (e: unknown) => setState({ loading: false, problem: e instanceof ApiProblem ? e : new ApiProblem(0, String(e), undefined, []) });

  useEffect(() => {
    let live = true;
    setState({ loading: true });
    get<Page<T>>(key).then(
      page => { if (live) { setItems(page.items); setNext(page.next ?? null); setState({ loading: false }); } },
      e => { if (live) fail(e); },
    );
    return () => { live = false; };
  }, [key, tick]);

  const more = useCallback(() => {
    if (!next) return;
    void get<Page<T>>(pageUrl(path, filters, next)).then(
      page => { setItems(shown => appendPage(shown, page.items)); setNext(page.next ?? null); }, fail);
  }, [key, next]); // eslint-disable-line react-hooks/exhaustive-deps

  return {
    items, next, ...state, more,
    reload: useCallback(() => setTick(t => t + 1), []),
    update: useCallback((changed: T) => setItems(shown => replaceItem(shown, changed)), []),
  };
}
