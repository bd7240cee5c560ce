import { Collapse, Input } from "antd";
import { memo, useState } from "react";
import { useI18n } from "../i18n/i18n";
import { categories } from "./activity-catalog";
import { offeredActivitySpecs } from "./activity-registry";
import { tones } from "../app/tones";

export const activityDragType = "application/x-formflow-activity";

/** The activity library by category; drag an item onto the canvas (or double-click it, or press Enter or Space on it, to add it). */
export const ActivityPalette = memo(function ActivityPalette({ onAdd, disabled }: { onAdd(type: string): void; disabled?: boolean }) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState("");
  const matches = (type: string, label: string) => !filter || `${type} ${label}`.toLowerCase().includes(filter.toLowerCase());
  return (
    <div className="ff-palette" aria-label={t("wf.palette")}>
      <Input.Search size="small" placeholder={t("common.search")} value={filter} onChange={(e) => setFilter(e.target.value)} />
      <Collapse size="small" defaultActiveKey={categories.map((c) => c.id)} items={categories.map((c) => ({
        key: c.id,
        label: t(c.label),
        children: offeredActivitySpecs().filter((a) => a.category === c.id && matches(a.type, a.label[locale])).map((a) => (
          <div
            key={a.type}
            role="button"
            tabIndex={0}
            className="ff-palette-item"
            data-activity-type={a.type}
            draggable={!disabled}
            aria-disabled={disabled}
            onDragStart={(e) => {
              e.dataTransfer.setData(activityDragType, a.type);
              e.dataTransfer.effectAllowed = "move";
            }}
            onDoubleClick={() => !disabled && onAdd(a.type)}
            onKeyDown={(e) => {
              if ((e.key === "Enter" || e.key === " ") && !disabled) { e.preventDefault(); onAdd(a.type); }
            }}
            style={{ padding: "4px 6px", margin: "2px 0", border: "1px solid #f0f0f0", borderRadius: 4, cursor: disabled ? "not-allowed" : "grab", background: "#fafafa" }}
          >
            {a.label[locale]} <span style={{ color: tones.secondary, fontSize: 11 }}>{a.type}</span>
          </div>
        )),
      }))} />
    </div>
  );
});
