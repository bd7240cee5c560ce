import { Button, Input } from "antd-mobile";
import { useEffect, useState } from "react";
import type { PublicOrg } from "../../api/openapi-types";
import type { Locale } from "../../forms";
import { api, ApiProblem, get } from "../api";
import type { Me } from "../api-types";
import { say } from "../i18n";
import { passwordRules } from "../password-rules";
import { isMobile, secondsLeft, unionOptions } from "../registration";
import { Link, navigate } from "../router";
import { LocalePicker } from "../locale-picker";

/**
 * 注册: a worker signs up with their mobile number and the code sent to it by SMS, their name, a password and the
 * union they belong to; the server signs them in. Loaded only when opened, so the sign-in page stays small.
 */
export default function Register({ locale, setLocale, onSignedIn }: { locale: Locale; setLocale: (l: Locale) => void; onSignedIn: (me: Me) => void }) {
  const [unions, setUnions] = useState<{ value: number; label: string }[]>([]);
  const [mobile, setMobile] = useState("");
  const [code, setCode] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [orgUnitId, setOrgUnitId] = useState<number | null>(null);
  const [sentAt, setSentAt] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => { void get<PublicOrg[]>("/api/auth/register/orgs").then(orgs => setUnions(unionOptions(orgs)), e => setProblem(reason(e))); }, []);
  const wait = secondsLeft(sentAt, now);
  useEffect(() => {
    if (wait === 0) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [wait]);

  const sendCode = async () => {
    setProblem(null);
    if (!isMobile(mobile)) { setProblem(say(locale, "mobileInvalid")); return; }
    try {
      await api<void>("POST", "/api/auth/register/code", { mobile, orgUnitId });
      setSentAt(Date.now());
      setNow(Date.now());
      setNotice(say(locale, "codeSent"));
    } catch (e) {
      setProblem(reason(e));
    }
  };
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onSignedIn(await api<Me>("POST", "/api/auth/register", { mobile, code, displayName, password, orgUnitId }));
      navigate("/");
    } catch (e) {
      setProblem(say(locale, "registerRefused", reason(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="pf-signin">
      <h1>{say(locale, "registerTitle")}</h1>
      <form onSubmit={e => { e.preventDefault(); void submit(); }}>
        <label htmlFor="union">{say(locale, "union")}</label>
        <select id="union" className="pf-select" value={orgUnitId ?? ""} onChange={e => setOrgUnitId(e.target.value === "" ? null : Number(e.target.value))}>
          <option value="">{say(locale, "chooseUnion")}</option>
          {unions.map(u => <option key={u.value} value={u.value}>{u.label}</option>)}
        </select>
        <label htmlFor="mobile">{say(locale, "mobile")}</label>
        <div className="pf-code-row">
          <Input id="mobile" type="tel" inputMode="numeric" value={mobile} onChange={setMobile} autoComplete="tel" maxLength={11} />
          <Button type="button" disabled={wait > 0} onClick={() => void sendCode()}>{wait > 0 ? say(locale, "resendIn", wait) : say(locale, "sendCode")}</Button>
        </div>
        {notice && <p className="pf-ok" role="status">{notice}</p>}
        <label htmlFor="code">{say(locale, "smsCode")}</label>
        <Input id="code" inputMode="numeric" value={code} onChange={setCode} autoComplete="one-time-code" maxLength={6} />
        <label htmlFor="displayName">{say(locale, "realName")}</label>
        <Input id="displayName" value={displayName} onChange={setDisplayName} autoComplete="name" maxLength={100} />
        <label htmlFor="newPassword">{say(locale, "password")}</label>
        <Input id="newPassword" type="password" value={password} onChange={setPassword} autoComplete="new-password" />
        <ul className="pf-rules" aria-label={say(locale, "passwordRules")}>
          {passwordRules.map(r => {
            const met = r.met(password);
            return <li key={r.word} className={met ? "pf-ok" : undefined}>{met ? "✓ " : "· "}{say(locale, r.word)}</li>;
          })}
        </ul>
        {problem && <p className="pf-error" role="alert">{problem}</p>}
        <Button block color="primary" type="submit" loading={busy} size="large"
          disabled={orgUnitId === null || !isMobile(mobile) || code.length !== 6 || displayName.trim() === "" || !passwordRules.every(r => r.met(password))}>
          {say(locale, "registerSubmit")}
        </Button>
      </form>
      <Link to="/" className="pf-signin-other">{say(locale, "haveAccount")}</Link>
      <LocalePicker locale={locale} setLocale={setLocale} />
    </main>
  );
}

const reason = (e: unknown) => e instanceof ApiProblem ? e.detail ?? e.title : String(e instanceof Error ? e.message : e);
