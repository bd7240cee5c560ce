import { Input } from "antd-mobile";
import { provinces } from "../provinces";
import type { WidgetProps } from "../widget-props";
import { viewText } from "../view-text";

/**
 * region: a GB/T 2260 six-digit code, picked as a province (the phone's own list) plus the four digits of city
 * and county. The full county list is not bundled: the runtime checks the province prefix as the server does.
 */
export function RegionWidget({ inputId, value, onChange, readOnly, locale }: WidgetProps) {
  const code = typeof value === "string" ? value : "";
  const province = code.slice(0, 2);
  const rest = code.slice(2);
  const update = (nextProvince: string, nextRest: string) =>
    onChange(nextProvince === "" && nextRest === "" ? undefined : nextProvince + nextRest);
  return (
    <div className="ff-region">
      <select id={inputId} className="ff-native-input" aria-label={viewText(locale, "province")} value={province}
        disabled={readOnly} onChange={e => update(e.target.value, rest)}>
        <option value="">{viewText(locale, "choose")}</option>
        {provinces.map(p => <option key={p.code} value={p.code}>{locale === "en" ? p.en : p.zh}</option>)}
      </select>
      <Input aria-label={viewText(locale, "regionRest")} placeholder="0101" inputMode="numeric" maxLength={4} value={rest}
        readOnly={readOnly} onChange={next => update(province, next.replace(/\D/g, ""))} />
    </div>
  );
}
