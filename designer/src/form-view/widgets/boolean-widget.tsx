import { localize } from "../../forms";
import type { WidgetProps } from "../widget-props";
import { OptionInput } from "./option-inputs";

/** boolean as a checkbox carrying the field's label (consent reads as "I agree ..."). */
export function BooleanWidget({ field, inputId, value, onChange, readOnly, locale }: WidgetProps) {
  return (
    <OptionInput kind="checkbox" id={inputId} checked={value === true} disabled={readOnly} onChange={on => onChange(on ? true : undefined)}>
      {localize(field.label, locale)}
    </OptionInput>
  );
}
