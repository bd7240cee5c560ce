import { Button } from "antd-mobile";
import { useId, useState } from "react";
import { api, ApiProblem, get } from "../api";
import type { Delegation, PersonPage } from "../api-types";
import { say, when } from "../i18n";
import { PageState } from "../page-state";
import { useSession } from "../session";
import { useLoad } from "../use-load";

/** A `datetime-local` value (the browser's local time) as the instant the API takes. */
export const instantOf = (local: string): string | null => {
  if (!local) return null;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
};

/** 休假代理 on the 我的 page: who stands in for me and when, and whose tasks I handle. */
export function DelegationCard() {
  const { locale } = useSession();
  const id = useId();
  const current = useLoad(() => get<Delegation>("/api/me/delegation"), []);
  const candidates = useLoad(() => get<PersonPage>("/api/me/delegation/candidates?limit=100"), []);
  const [to, setTo] = useState("");
  const [from, setFrom] = useState("");
  const [until, setUntil] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (call: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await call();
      current.reload();
    } catch (e) {
      setProblem(e instanceof ApiProblem ? e.detail ?? e.title : String(e));
    }
  };
  const save = () => run(() => api("PUT", "/api/me/delegation", { toAccountId: to, from: instantOf(from), until: instantOf(until) }));

  return (
    <fieldset className="pf-card">
      <legend>{say(locale, "delegation")}</legend>
      <PageState {...current}>{() => {
        const given = current.value!.given;
        return <>
          {given && <p>{given.active
            ? say(locale, "delegationActive", given.person.displayName, when(locale, given.until))
            : say(locale, "delegationPlanned", given.person.displayName, when(locale, given.from), when(locale, given.until))}</p>}
          {current.value!.standingInFor.map(s => <p key={s.person.id} className="pf-muted">{say(locale, "standingInFor", s.person.displayName, when(locale, s.until))}</p>)}
          {given && <Button size="small" onClick={() => void run(() => api("DELETE", "/api/me/delegation"))}>{say(locale, "endDelegation")}</Button>}
        </>;
      }}</PageState>
      <form onSubmit={e => { e.preventDefault(); void save(); }}>
        <label className="pf-field" htmlFor={`${id}-to`}>{say(locale, "delegateTo")}
          <select id={`${id}-to`} value={to} onChange={e => setTo(e.target.value)}>
            <option value="" />
            {(candidates.value?.items ?? []).map(p => <option key={p.id} value={p.id}>{p.displayName}</option>)}
          </select>
        </label>
        <label className="pf-field" htmlFor={`${id}-from`}>{say(locale, "delegationFrom")}
          <input id={`${id}-from`} type="datetime-local" value={from} onChange={e => setFrom(e.target.value)} />
        </label>
        <label className="pf-field" htmlFor={`${id}-until`}>{say(locale, "delegationUntil")}
          <input id={`${id}-until`} type="datetime-local" value={until} onChange={e => setUntil(e.target.value)} />
        </label>
        {problem && <p className="pf-error" role="alert">{problem}</p>}
        <Button type="submit" color="primary" disabled={!to || !from || !until}>{say(locale, "saveDelegation")}</Button>
      </form>
    </fieldset>
  );
}
