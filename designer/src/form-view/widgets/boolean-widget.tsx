import { Checkbox } from "antd-mobile";
import { localize } from "../../forms";
import type { WidgetProps } from "../widget-props";

/** boolean as a checkbox carrying the field's label (consent reads as "I agree ..."). */
export function BooleanWidget({ field, inputId, value, onChange, readOnly, locale }: WidgetProps) {
  return (
    <Checkbox id={inputId} checked={value === true} disabled={readOnly} onChange={checked => onChange(checked ? true : undefined)}>
      {localize(field.label, locale)}
    </Checkbox>
  );
}
