import { Button } from "antd-mobile";
import type { ReactNode } from "react";
import type { FieldDefinition, JsonRecord } from "../../forms";
import { childPath } from "../data-paths";
import type { WidgetProps } from "../widget-props";
import { viewText } from "../view-text";

/** A repeating group: one card per row with the nested fields at /group/<row>/<key>; add and remove within min/maxItems. */
export function GroupWidget(props: WidgetProps & { renderField: (field: FieldDefinition, path: string) => ReactNode }) {
  const { field, path, inputId, value, onChange, readOnly, locale, renderField } = props;
  const rows = Array.isArray(value) ? (value as JsonRecord[]) : [];
  const canAdd = !readOnly && (field.maxItems === undefined || rows.length < field.maxItems);
  return (
    <div id={inputId} className="ff-group" role="group" aria-labelledby={`${inputId}-label`}>
      {rows.map((_, index) => (
        <div key={index} className="ff-group-row" role="group" aria-label={viewText(locale, "row", index + 1)}>
          <div className="ff-group-row-head">
            <span>{viewText(locale, "row", index + 1)}</span>
            {!readOnly && (
              <Button size="mini" fill="outline" color="danger" onClick={() => {
                const rest = rows.filter((_, j) => j !== index);
                onChange(rest.length ? rest : undefined);
              }}>{viewText(locale, "removeRow")} {viewText(locale, "row", index + 1)}</Button>
            )}
          </div>
          {(field.fields ?? []).map(child => renderField(child, childPath(childPath(path, index), child.key ?? child.id)))}
        </div>
      ))}
      {canAdd && <Button block fill="outline" onClick={() => onChange([...rows, {}])}>{viewText(locale, "addRow")}</Button>}
    </div>
  );
}
