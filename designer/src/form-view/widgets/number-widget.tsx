import { Input } from "antd-mobile";
import { useEffect, useState } from "react";
import type { WidgetProps } from "../widget-props";

/**
 * number and money: the text is kept as typed ("12." while typing) and the parsed number goes to the data;
 * text that is not a number goes as text, so the runtime reports the type error at the field.
 */
export function NumberWidget({ field, inputId, value, onChange, readOnly }: WidgetProps) {
  const shown = typeof value === "number" ? (field.type === "money" && readOnly ? value.toFixed(2) : String(value)) : typeof value === "string" ? value : "";
  const [text, setText] = useState(shown);
  useEffect(() => { if (Number(text) !== value && text !== value) setText(shown); }, [value]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Input id={inputId} value={text} readOnly={readOnly} inputMode="decimal"
      onChange={next => {
        setText(next);
        const trimmed = next.trim();
        onChange(trimmed === "" ? undefined : /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed);
      }} />
  );
}
