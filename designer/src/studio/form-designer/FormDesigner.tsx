import { Alert, Form, Typography } from "antd";
import { useState, type ReactNode } from "react";
import type { FormDefinition } from "../../forms";
import type { FieldType } from "../../forms/field-types";
import type { Refusal } from "../customisation/lock-check";
import { useI18n } from "../i18n/i18n";
import { fieldTypeLabel, paletteTypes } from "./field-catalog";
import { FieldProperties, LocalizedInput } from "./FieldProperties";
import { addField, addPage, addSection, findField, moveField, removeElement } from "./form-edits";
import { FormOutline, fieldDragType } from "./FormOutline";
import { PhonePreview } from "./PhonePreview";
import { RulesEditor } from "./RulesEditor";

export interface FormDesignerProps {
  form: FormDefinition;
  onChange(next: FormDefinition, merge?: string): void;
  setProperty(elementId: string, pointer: string, value: unknown, merge?: string): Refusal | undefined;
  structureLocked?: boolean;
  /** Element IDs taken elsewhere in the module (IDs are unique across forms, workflow and settings). */
  takenIds?: ReadonlySet<string>;
  badges?(id: string): string[];
  /** More for the selected element under its properties (its locks). */
  extras?(id: string): ReactNode;
  /** Elements locked above as a whole: their properties are greyed. */
  lockedElement?(id: string): boolean;
  /** The lock above that holds one property of an element (`/label`): that property alone is greyed, with the reason. */
  propertyLock?(id: string, pointer: string): Refusal | undefined;
}

/** The form designer: field palette, pages/sections outline (drag and drop), property panel with rules, phone preview. */
export function FormDesigner({ form, onChange, setProperty, structureLocked = false, takenIds, badges, extras, lockedElement, propertyLock }: FormDesignerProps) {
  const { t, locale } = useI18n();
  const [selected, setSelected] = useState<string>();
  const [refusal, setRefusal] = useState<Refusal>();
  const set = (pointer: string, value: unknown, merge?: string) => setRefusal(selected ? setProperty(selected, pointer, value, merge) : undefined);

  const lastSection = () => {
    for (const p of form.pages) for (const s of p.sections) if (s.id === selected || s.fields.some((f) => f.id === selected)) return s.id;
    return form.pages.at(-1)?.sections.at(-1)?.id;
  };
  const add = (type: FieldType, sectionId = lastSection(), index?: number) => {
    if (!sectionId || structureLocked) return;
    const result = addField(form, sectionId, type, index, takenIds);
    onChange(result.form);
    setSelected(result.id);
  };

  const field = selected ? findField(form, selected) : undefined;
  const page = form.pages.find((p) => p.id === selected);
  const section = form.pages.flatMap((p) => p.sections).find((s) => s.id === selected);

  return (
    <div className="ff-form-designer" style={{ display: "grid", gridTemplateColumns: "150px minmax(220px, 1fr) 320px auto", gap: 8, alignItems: "start" }}>
      <div className="ff-field-palette" aria-label={t("form.palette")}>
        <Typography.Text strong>{t("form.palette")}</Typography.Text>
        {paletteTypes.map((type) => (
          <div key={type} role="button" tabIndex={0} data-field-type={type} draggable={!structureLocked}
            onDragStart={(e) => e.dataTransfer.setData(fieldDragType, type)}
            onDoubleClick={() => add(type)} onKeyDown={(e) => e.key === "Enter" && add(type)}
            style={{ padding: "3px 6px", margin: "2px 0", border: "1px solid #f0f0f0", borderRadius: 4, background: "#fafafa", cursor: structureLocked ? "not-allowed" : "grab", fontSize: 12 }}>
            {fieldTypeLabel(type, locale)}
          </div>
        ))}
      </div>
      <div style={{ maxHeight: 680, overflow: "auto" }}>
        <FormOutline form={form} selected={selected} onSelect={(id) => { setSelected(id); setRefusal(undefined); }} structureLocked={structureLocked} badges={badges}
          onDropInto={(sectionId, index, drop) => {
            if (drop.type) add(drop.type as FieldType, sectionId, index);
            else if (drop.move) onChange(moveField(form, drop.move, sectionId, index));
          }}
          onAddPage={() => onChange(addPage(form))}
          onAddSection={(pageId) => onChange(addSection(form, pageId))}
          onRemove={(id) => { onChange(removeElement(form, id)); setSelected(undefined); }} />
      </div>
      <div role="region" style={{ maxHeight: 680, overflow: "auto" }} aria-label={t("wf.properties")}>
        {field && <FieldProperties key={field.id} field={field} set={set} refusal={refusal} structureLocked={structureLocked} locked={lockedElement?.(field.id)}
          propertyLock={(pointer) => propertyLock?.(field.id, pointer)} />}
        {(page ?? section) && (
          <Form layout="vertical" size="small" key={selected} disabled={lockedElement?.(selected!)}>
            {refusal && <Alert type="error" role="alert" title={t("cust.refused", { reason: refusal.reason })} />}
            <LocalizedInput label={t("form.label")} value={(page ?? section)!.title} pointer="/title" set={set} lockOf={(pointer) => propertyLock?.(selected!, pointer)} />
            <RulesEditor node={page ?? section!} set={set} only={["visibleIf"]} />
          </Form>
        )}
        {selected && (field ?? page ?? section) && extras?.(selected)}
      </div>
      <PhonePreview form={form} />
    </div>
  );
}
