import { Button } from "antd-mobile";
import { OptionInput } from "../../form-view/widgets/option-inputs";
import { locales, type Locale } from "../../forms";
import { localeNames, say } from "../i18n";
import { isCadre, useSession } from "../session";
import { DelegationCard } from "./delegation-card";

export function LocalePicker({ locale, setLocale }: { locale: Locale; setLocale: (l: Locale) => void }) {
  return (
    <fieldset className="pf-card">
      <legend>{say(locale, "language")}</legend>
      <div className="ff-options" role="radiogroup" aria-label={say(locale, "language")}>
        {locales.map(l => <OptionInput key={l} kind="radio" name="locale" checked={l === locale} onChange={() => setLocale(l)}>{localeNames[l]}</OptionInput>)}
      </div>
    </fieldset>
  );
}

/** Language, elder mode, for staff the stand-in during an absence, and sign-out. */
export function Settings() {
  const { me, locale, setLocale, elder, setElder, signOut } = useSession();
  return (
    <section>
      <h2>{me.displayName}</h2>
      <ul className="pf-roles">{me.roles.map(r => <li key={`${r.role}@${r.orgId}`}>{r.role} · {r.orgName}</li>)}</ul>
      <LocalePicker locale={locale} setLocale={setLocale} />
      <div className="pf-card"><OptionInput kind="checkbox" checked={elder} onChange={setElder}>{say(locale, "elder")}</OptionInput></div>
      <p className="pf-muted">{say(locale, "elderNote")}</p>
      {isCadre(me) && <DelegationCard />}
      <Button block color="danger" fill="outline" onClick={signOut}>{say(locale, "signOut")}</Button>
    </section>
  );
}
