import type { WidgetProps } from "../widget-props";
import { viewText } from "../view-text";

/** org: an org unit id from the orgs the page provides (the signed-in account's visible tree). */
export function OrgWidget({ inputId, value, onChange, readOnly, locale, services }: WidgetProps) {
  const chosen = typeof value === "string" ? value : "";
  const orgs = services.orgs ?? [];
  return (
    <select id={inputId} className="ff-native-input" value={chosen} disabled={readOnly} onChange={e => onChange(e.target.value || undefined)}>
      <option value="">{viewText(locale, "choose")}</option>
      {chosen !== "" && !orgs.some(org => org.id === chosen) && <option value={chosen}>{chosen}</option>}
      {orgs.map(org => <option key={org.id} value={org.id}>{org.name}</option>)}
    </select>
  );
}
