import { Button, Divider, Input, type InputRef } from "antd-mobile";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Locale } from "../../forms";
import { giveAhead, hallAnswer } from "../ahead";
import { api, ApiProblem } from "../api";
import type { HallSignIn, Me } from "../api-types";
import { say } from "../i18n";
import { forgetSignInError, signInError, signInHref, thisPage, useBrowserSignIns } from "../../sign-in/sign-in-providers";
import { Link } from "../router";
import { LocalePicker } from "../locale-picker";
import { drawnSignIn, handOverFirstScreen } from "../first-screen";

const problemWords = { "no-account": "unionNoAccount", failed: "unionFailed", password: "signInFailed" } as const;

export function SignIn({ locale, setLocale, onSignedIn }: { locale: Locale; setLocale: (l: Locale) => void; onSignedIn: (me: Me) => void }) {
  // The server's drawing of this page may have been typed into before the app booted: go on from there.
  const [drawn] = useState(drawnSignIn);
  const [userName, setUserName] = useState(drawn.userName);
  const [password, setPassword] = useState(drawn.password);
  const fields = { userName: useRef<InputRef>(null), password: useRef<InputRef>(null) };
  useLayoutEffect(() => {
    // The app renders in slices (main.tsx): what was typed while it rendered is taken as it takes over.
    const now = drawnSignIn();
    if (now.userName !== drawn.userName) setUserName(now.userName);
    if (now.password !== drawn.password) setPassword(now.password);
    if (!now.focused) return;
    handOverFirstScreen(); // (a field hidden behind it cannot take the focus)
    fields[now.focused].current?.focus();
  }, []);
  // Back from a sign-in that did not sign in (the union login, or the drawn form): say why (the server logged the details).
  const [problem, setProblem] = useState<string | null>(() => {
    const error = signInError();
    return error ? say(locale, problemWords[error]) : null;
  });
  const [busy, setBusy] = useState(false);
  useEffect(forgetSignInError, []);
  const others = useBrowserSignIns();
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      // The hall comes with the sign-in (one round trip, not two, on a phone network): the hall page takes it (ahead.ts).
      const signedIn = await api<HallSignIn>("POST", "/api/auth/login/hall", { userName, password });
      giveAhead(hallAnswer, signedIn.services);
      onSignedIn(signedIn.account);
    } catch (e) {
      setProblem(e instanceof ApiProblem && e.status === 401 ? say(locale, "signInFailed") : String(e instanceof Error ? e.message : e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="pf-signin">
      <h1>{say(locale, "appName")}</h1>
      <form onSubmit={e => { e.preventDefault(); void submit(); }}>
        <label htmlFor="userName">{say(locale, "userName")}</label>
        <Input id="userName" ref={fields.userName} value={userName} onChange={setUserName} autoComplete="username" />
        <label htmlFor="password">{say(locale, "password")}</label>
        <Input id="password" ref={fields.password} type="password" value={password} onChange={setPassword} autoComplete="current-password" />
        {problem && <p className="pf-error" role="alert">{problem}</p>}
        <Button block color="primary" type="submit" loading={busy} size="large">{say(locale, "signIn")}</Button>
      </form>
      {others.length > 0 && <Divider>{say(locale, "or")}</Divider>}
      {others.map(p => (
        // back to the page this sign-in stands in front of (the Portal's routes are paths)
        <a key={p.id} className="pf-signin-other" href={signInHref(p, thisPage())}>{say(locale, "signInWith", p.displayName)}</a>
      ))}
      <Link to="/register" className="pf-signin-other">{say(locale, "register")}</Link>
      <LocalePicker locale={locale} setLocale={setLocale} />
    </main>
  );
}
