import type { WidgetProps } from "../widget-props";

/**
 * date and datetime with the phone's own picker (a native input): large, familiar and accessible. Datetime values
 * get the +08:00 offset the engine's format requires.
 */
export function DateWidget({ field, inputId, value, onChange, readOnly }: WidgetProps) {
  const text = typeof value === "string" ? value : "";
  if (field.type === "datetime") {
    const local = text.slice(0, 16);
    return <input id={inputId} className="ff-native-input" type="datetime-local" value={local} readOnly={readOnly}
      onChange={e => onChange(e.target.value ? `${e.target.value}:00+08:00` : undefined)} />;
  }
  return <input id={inputId} className="ff-native-input" type="date" value={text} readOnly={readOnly}
    onChange={e => onChange(e.target.value || undefined)} />;
}
