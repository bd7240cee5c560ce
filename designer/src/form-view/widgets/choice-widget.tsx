import { Checkbox, Radio, Space } from "antd-mobile";
import { localize } from "../../forms";
import type { WidgetProps } from "../widget-props";

/**
 * choice, multiChoice and quiz: radio buttons for one value, checkboxes for several (multiChoice, quiz with
 * `multiple`). A group of options is a fieldset named by the field label, so screen readers announce it.
 */
export function ChoiceWidget({ field, inputId, value, onChange, readOnly, locale }: WidgetProps) {
  const options = field.options ?? [];
  const many = field.type === "multiChoice" || (field.type === "quiz" && field.multiple === true);
  const items = options.map(option => (
    many
      ? <Checkbox key={option.value} value={option.value} disabled={readOnly}>{localize(option.label, locale)}</Checkbox>
      : <Radio key={option.value} value={option.value} disabled={readOnly}>{localize(option.label, locale)}</Radio>
  ));
  return (
    <div id={inputId} role={many ? "group" : "radiogroup"} aria-labelledby={`${inputId}-label`}>
      {many
        ? <Checkbox.Group value={Array.isArray(value) ? value.map(String) : []} onChange={values => onChange(values.length ? values.map(String) : undefined)}>
            <Space direction="vertical" wrap>{items}</Space>
          </Checkbox.Group>
        : <Radio.Group value={typeof value === "string" ? value : null} onChange={next => onChange(next === null ? undefined : String(next))}>
            <Space direction="vertical" wrap>{items}</Space>
          </Radio.Group>}
    </div>
  );
}
