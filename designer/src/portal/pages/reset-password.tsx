import { Button, Input } from "antd-mobile";
import { useState } from "react";
import type { Locale } from "../../forms";
import { api, ApiProblem } from "../api";
import { say } from "../i18n";
import { passwordRules, resetLinkParams } from "../password-rules";
import { navigate } from "../router";
import { LocalePicker } from "../locale-picker";

type State = { kind: "form"; problem?: string } | { kind: "dead" } | { kind: "done" };

/**
 * Sets a new password with the one-time link an admin issued (/reset-password?account=…&token=…), before signing in:
 * the password twice, the rules beside it, the server's reason when it refuses one, and a plain word when the link is dead.
 */
export function ResetPassword({ locale, setLocale }: { locale: Locale; setLocale: (l: Locale) => void }) {
  const [link] = useState(() => resetLinkParams(window.location.search));
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [state, setState] = useState<State>(link ? { kind: "form" } : { kind: "dead" });
  const [busy, setBusy] = useState(false);
  const mismatch = again !== "" && again !== password;

  const submit = async () => {
    if (!link) return;
    setBusy(true);
    try {
      await api<void>("POST", "/api/auth/password/reset", { ...link, newPassword: password });
      setState({ kind: "done" });
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 400) setState({ kind: "dead" });
      else setState({ kind: "form", problem: e instanceof ApiProblem && e.status === 422 ? say(locale, "passwordRefused", e.detail ?? e.title) : String(e instanceof Error ? e.message : e) });
    } finally {
      setBusy(false);
    }
  };
  const signIn = () => navigate("/");

  return (
    <main className="pf-signin">
      <h1>{say(locale, "resetTitle")}</h1>
      {state.kind === "dead" && <>
        <p className="pf-error" role="alert">{say(locale, "resetLinkDead")}</p>
        <Button block onClick={signIn}>{say(locale, "signIn")}</Button>
      </>}
      {state.kind === "done" && <>
        <p className="pf-ok" role="status">{say(locale, "resetDone")}</p>
        <Button block color="primary" size="large" onClick={signIn}>{say(locale, "signIn")}</Button>
      </>}
      {state.kind === "form" && (
        <form onSubmit={e => { e.preventDefault(); void submit(); }}>
          <label htmlFor="newPassword">{say(locale, "newPassword")}</label>
          <Input id="newPassword" type="password" value={password} onChange={setPassword} autoComplete="new-password" />
          <label htmlFor="newPasswordAgain">{say(locale, "newPasswordAgain")}</label>
          <Input id="newPasswordAgain" type="password" value={again} onChange={setAgain} autoComplete="new-password" />
          {mismatch && <p className="pf-error">{say(locale, "passwordsDiffer")}</p>}
          <ul className="pf-rules" aria-label={say(locale, "passwordRules")}>
            {passwordRules.map(r => {
              const met = r.met(password);
              return <li key={r.word} className={met ? "pf-ok" : undefined}>{met ? "✓ " : "· "}{say(locale, r.word)}</li>;
            })}
          </ul>
          {state.problem && <p className="pf-error" role="alert">{state.problem}</p>}
          <Button block color="primary" type="submit" loading={busy} size="large" disabled={password === "" || again !== password}>{say(locale, "setPassword")}</Button>
        </form>
      )}
      <LocalePicker locale={locale} setLocale={setLocale} />
    </main>
  );
}
