import { Input } from "antd-mobile";
import { isResidentId, residentIdCheckCharacter } from "../../expressions";
import type { WidgetProps } from "../widget-props";
import { viewText } from "../view-text";

/**
 * residentId: 18 characters with live feedback while typing: the count, then at 18 whether the GB 11643 check
 * character matches (naming the expected one) — the same check the server applies.
 */
export function ResidentIdWidget({ inputId, value, onChange, readOnly, locale }: WidgetProps) {
  const text = typeof value === "string" ? value : "";
  const id = text.trim().toUpperCase();
  let hint = viewText(locale, "idLength", id.length);
  let tone = "ff-hint";
  if (id.length === 18) {
    const expected = residentIdCheckCharacter(id.slice(0, 17));
    if (isResidentId(id)) { hint = viewText(locale, "idOk"); tone = "ff-hint ff-hint-ok"; }
    else if (expected !== null && expected !== id[17]) { hint = viewText(locale, "checkDigit", expected); tone = "ff-hint ff-hint-bad"; }
  }
  return (
    <>
      <Input id={inputId} value={text} readOnly={readOnly} maxLength={18} autoComplete="off" inputMode="text"
        onChange={next => onChange(next === "" ? undefined : next.toUpperCase())} />
      {!readOnly && <div className={tone} aria-live="polite" data-testid={`${inputId}-check`}>{hint}</div>}
    </>
  );
}
