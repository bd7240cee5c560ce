import { OptionInput } from "../form-view/widgets/option-inputs";
import type { Locale } from "../forms";
import { locales } from "../forms/texts";
import { localeNames, say } from "./i18n";

/** The reader's language, on the sign-in page (before any session) and in the settings. */
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
