import { Button, Checkbox, Radio, Space } from "antd-mobile";
import { locales, type Locale } from "../../forms";
import { localeNames, say } from "../i18n";
import { useSession } from "../session";

export function LocalePicker({ locale, setLocale }: { locale: Locale; setLocale: (l: Locale) => void }) {
  return (
    <fieldset className="pf-card">
      <legend>{say(locale, "language")}</legend>
      <Radio.Group value={locale} onChange={v => setLocale(v as Locale)}>
        <Space direction="vertical">{locales.map(l => <Radio key={l} value={l}>{localeNames[l]}</Radio>)}</Space>
      </Radio.Group>
    </fieldset>
  );
}

/** Language, elder mode and sign-out. */
export function Settings() {
  const { me, locale, setLocale, elder, setElder, signOut } = useSession();
  return (
    <section>
      <h2>{me.displayName}</h2>
      <ul className="pf-roles">{me.roles.map(r => <li key={`${r.role}@${r.orgUnitId}`}>{r.role} · {r.orgName}</li>)}</ul>
      <LocalePicker locale={locale} setLocale={setLocale} />
      <div className="pf-card"><Checkbox checked={elder} onChange={setElder}>{say(locale, "elder")}</Checkbox></div>
      <p className="pf-muted">{say(locale, "elderNote")}</p>
      <Button block color="danger" fill="outline" onClick={signOut}>{say(locale, "signOut")}</Button>
    </section>
  );
}
