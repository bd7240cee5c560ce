import { Input, TextArea } from "antd-mobile";
import { localize } from "../../forms";
import type { WidgetProps } from "../widget-props";

const inputModes: Record<string, { type: string; inputMode: "text" | "tel" | "email"; autoComplete?: string }> = {
  text: { type: "text", inputMode: "text" },
  mobile: { type: "tel", inputMode: "tel", autoComplete: "tel-national" },
  email: { type: "email", inputMode: "email", autoComplete: "email" },
};

/** text, textarea, mobile, email: the value is the text as typed; the runtime trims and checks it. */
export function TextWidget({ field, inputId, value, onChange, readOnly, locale }: WidgetProps) {
  const text = typeof value === "string" ? value : value == null ? "" : String(value);
  const placeholder = localize(field.placeholder, locale);
  if (field.type === "textarea")
    return <TextArea id={inputId} value={text} onChange={onChange} readOnly={readOnly} placeholder={placeholder}
      autoSize={{ minRows: 3, maxRows: 8 }} maxLength={field.maxLength} showCount={field.maxLength !== undefined} />;
  const mode = inputModes[field.type] ?? inputModes.text;
  return <Input id={inputId} value={text} onChange={onChange} readOnly={readOnly} placeholder={placeholder}
    type={mode.type} inputMode={mode.inputMode} autoComplete={mode.autoComplete} maxLength={field.type === "mobile" ? 11 : field.maxLength} />;
}
