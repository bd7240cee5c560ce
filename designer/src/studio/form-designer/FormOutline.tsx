import { Button, Tag } from "antd";
import type { DragEvent } from "react";
import { localize, type FieldDefinition, type FormDefinition } from "../../forms";
import { useI18n } from "../i18n/i18n";
import { fieldTypeLabel } from "./field-catalog";
import { tones } from "../app/tones";

export const fieldDragType = "application/x-formflow-field";
export const moveDragType = "application/x-formflow-move";

export interface OutlineProps {
  form: FormDefinition;
  selected?: string;
  onSelect(id: string): void;
  /** A palette type or an existing field dropped into a section before the field at `index`. */
  onDropInto(sectionId: string, index: number, drop: { type?: string; move?: string }): void;
  onAddPage(): void;
  onAddSection(pageId: string): void;
  onRemove(id: string): void;
  structureLocked: boolean;
  badges?(id: string): string[];
}

function dropOf(e: DragEvent): { type?: string; move?: string } | undefined {
  const type = e.dataTransfer.getData(fieldDragType);
  const move = e.dataTransfer.getData(moveDragType);
  return type || move ? { type: type || undefined, move: move || undefined } : undefined;
}

/** Pages, sections and their fields; sections and fields are drop targets, fields drag to move. */
export function FormOutline(props: OutlineProps) {
  const { form, selected, onSelect, structureLocked } = props;
  const { t, locale } = useI18n();
  const drop = (sectionId: string, index: number) => (e: DragEvent) => {
    const what = dropOf(e);
    if (!what || structureLocked) return;
    e.preventDefault();
    e.stopPropagation();
    props.onDropInto(sectionId, index, what);
  };
  const allow = (e: DragEvent) => { if (!structureLocked) e.preventDefault(); };
  const row = (f: FieldDefinition, sectionId: string, index: number) => (
    <div key={f.id} role="button" tabIndex={0} data-element={f.id} className="ff-outline-field"
      draggable={!structureLocked} onDragStart={(e) => e.dataTransfer.setData(moveDragType, f.id)}
      onDragOver={allow} onDrop={drop(sectionId, index)} onClick={() => onSelect(f.id)} onKeyDown={(e) => e.key === "Enter" && onSelect(f.id)}
      style={{ padding: "4px 8px", margin: "2px 0", borderRadius: 4, cursor: "pointer", border: `1px solid ${selected === f.id ? "#1677ff" : "#f0f0f0"}`, background: selected === f.id ? "#e6f4ff" : "#fff" }}>
      {localize(f.label, locale) || f.id} <span style={{ color: tones.secondary, fontSize: 11 }}>{fieldTypeLabel(f.type, locale)} · {f.key ?? f.id}</span>
      {f.visibleIf && <Tag color="blue" style={{ marginLeft: 4 }}>visibleIf</Tag>}
      {f.calculate && <Tag color="purple">calculate</Tag>}
      {(props.badges?.(f.id) ?? []).map((b) => <Tag key={b}>{b}</Tag>)}
    </div>
  );
  return (
    <div className="ff-outline" aria-label={t("form.outline")}>
      {form.pages.map((page) => (
        <div key={page.id} style={{ marginBottom: 12 }}>
          <div role="button" tabIndex={0} data-element={page.id} onClick={() => onSelect(page.id)} style={{ fontWeight: 600, cursor: "pointer", color: selected === page.id ? "#1677ff" : undefined }}>
            📄 {localize(page.title, locale) || page.id}
          </div>
          {page.sections.map((section) => (
            <div key={section.id} data-section={section.id} onDragOver={allow} onDrop={drop(section.id, section.fields.length)}
              style={{ margin: "4px 0 4px 12px", padding: 6, border: "1px dashed #d9d9d9", borderRadius: 6 }}>
              <div role="button" tabIndex={0} data-element={section.id} onClick={() => onSelect(section.id)} style={{ cursor: "pointer", color: selected === section.id ? "#1677ff" : "#595959" }}>
                ▸ {localize(section.title, locale) || section.id}
              </div>
              {section.fields.map((f, i) => row(f, section.id, i))}
              {section.fields.length === 0 && <div style={{ color: tones.secondary, fontSize: 12 }}>{t("form.dropHere")}</div>}
            </div>
          ))}
          {!structureLocked && <Button size="small" type="dashed" style={{ marginLeft: 12 }} onClick={() => props.onAddSection(page.id)}>{t("form.addSection")}</Button>}
        </div>
      ))}
      {!structureLocked && <Button size="small" type="dashed" onClick={props.onAddPage}>{t("form.addPage")}</Button>}
      {!structureLocked && selected && <Button size="small" danger type="link" onClick={() => props.onRemove(selected)}>{t("common.delete")}</Button>}
    </div>
  );
}
