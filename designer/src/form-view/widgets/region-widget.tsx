import { Input } from "antd-mobile";
import { useEffect, useState } from "react";
import { provinces } from "../provinces";
import type { WidgetProps } from "../widget-props";
import { viewText } from "../view-text";

/** GB/T 2260 names by six-digit code, per level (the @vant/area-data lists). */
interface Areas { province_list: Record<string, string>; city_list: Record<string, string>; county_list: Record<string, string> }

// Loaded on first use, as a chunk of its own: the county list is too large for every page's bundle.
let areas: Promise<Areas> | undefined;
const loadAreas = () => (areas ??= import("@vant/area-data").then(m => m.areaList));

/**
 * region: a GB/T 2260 six-digit county code, picked as province → city → county from the national list. The value
 * is set only once a county is chosen. Were the list unavailable (offline before it ever loaded) or the stored code
 * not in it, the field falls back to the province plus the code's last four digits, which the runtime checks as the
 * server does.
 */
export function RegionWidget(props: WidgetProps) {
  const [list, setList] = useState<Areas | "unavailable">();
  useEffect(() => { loadAreas().then(setList, () => setList("unavailable")); }, []);
  const code = typeof props.value === "string" ? props.value : "";
  if (list === "unavailable" || (list && code !== "" && !(code in list.county_list))) return <TypedRegion {...props} />;
  return <PickedRegion {...props} areas={list} code={code} />;
}

function PickedRegion({ inputId, onChange, readOnly, locale, areas, code }: WidgetProps & { areas?: Areas; code: string }) {
  // A chosen county says its province and city; until one is chosen, the picks so far are kept here.
  const [picked, setPicked] = useState({ province: "", city: "" });
  const province = code ? code.slice(0, 2) + "0000" : picked.province;
  const city = code ? code.slice(0, 4) + "00" : picked.city;
  const under = (names: Record<string, string> | undefined, prefix: string) =>
    prefix === "" ? [] : Object.entries(names ?? {}).filter(([c]) => c.startsWith(prefix));
  const english = (c: string) => provinces.find(p => p.code === c.slice(0, 2))?.en;
  const select = (id: string | undefined, label: string, value: string, options: [string, string][], pick: (next: string) => void) => (
    <select id={id} className="ff-native-input" aria-label={label} value={value} disabled={readOnly || !areas || options.length === 0}
      onChange={e => pick(e.target.value)}>
      <option value="">{viewText(locale, "choose")}</option>
      {options.map(([c, name]) => <option key={c} value={c}>{name}</option>)}
    </select>
  );
  const provinceOptions = Object.entries(areas?.province_list ?? {}).map(([c, name]): [string, string] => [c, locale === "en" ? english(c) ?? name : name]);
  return (
    <div className="ff-region">
      {select(inputId, viewText(locale, "province"), province, provinceOptions, next => { setPicked({ province: next, city: "" }); onChange(undefined); })}
      {select(undefined, viewText(locale, "city"), city, under(areas?.city_list, province.slice(0, 2)), next => { setPicked({ province, city: next }); onChange(undefined); })}
      {select(undefined, viewText(locale, "county"), code, under(areas?.county_list, city.slice(0, 4)), next => onChange(next === "" ? undefined : next))}
    </div>
  );
}

function TypedRegion({ inputId, value, onChange, readOnly, locale }: WidgetProps) {
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
