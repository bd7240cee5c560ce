import type { WidgetProps } from "../widget-props";
import { viewText } from "../view-text";

/**
 * org: an org unit id from the orgs the page provides (the signed-in account's visible tree). Read-only it shows
 * the org's name: an id means nothing to a person, and one outside the reader's tree is said to be so.
 */
export function OrgWidget({ inputId, value, onChange, readOnly, locale, services }: WidgetProps) {
  const chosen = typeof value === "string" ? value : "";
  const orgs = services.orgs ?? [];
  if (readOnly) {
    const name = chosen === "" ? viewText(locale, "none") : orgs.find(org => org.id === chosen)?.name.trim() ?? viewText(locale, "orgNotVisible");
    return <input id={inputId} className="ff-native-input" value={name} readOnly />;
  }
  return (
    <select id={inputId} className="ff-native-input" value={chosen} onChange={e => onChange(e.target.value || undefined)}>
      <option value="">{viewText(locale, "choose")}</option>
      {chosen !== "" && !orgs.some(org => org.id === chosen) && <option value={chosen}>{viewText(locale, "orgNotVisible")}</option>}
      {orgs.map(org => <option key={org.id} value={org.id}>{org.name}</option>)}
    </select>
  );
}
