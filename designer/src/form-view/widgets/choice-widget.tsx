import { localize } from "../../forms";
import type { WidgetProps } from "../widget-props";
import { OptionInput } from "./option-inputs";

/**
 * choice, multiChoice and quiz: radio buttons for one value, checkboxes for several (multiChoice, quiz with
 * `multiple`), in a group named by the field label so screen readers announce it.
 */
export function ChoiceWidget({ field, inputId, value, onChange, readOnly, locale }: WidgetProps) {
  const many = field.type === "multiChoice" || (field.type === "quiz" && field.multiple === true);
  const chosen = many ? (Array.isArray(value) ? value.map(String) : []) : typeof value === "string" ? [value] : [];
  const toggle = (option: string, on: boolean) => {
    if (!many) { onChange(on ? option : undefined); return; }
    const next = (field.options ?? []).map(o => o.value).filter(v => v === option ? on : chosen.includes(v));
    onChange(next.length ? next : undefined);
  };
  return (
    <div id={inputId} className="ff-options" role={many ? "group" : "radiogroup"} aria-labelledby={`${inputId}-label`}>
      {(field.options ?? []).map(option => (
        <OptionInput key={option.value} kind={many ? "checkbox" : "radio"} name={inputId} checked={chosen.includes(option.value)}
          disabled={readOnly} onChange={on => toggle(option.value, on)}>{localize(option.label, locale)}</OptionInput>
      ))}
    </div>
  );
}
