import type { WidgetProps } from "../widget-props";
import { viewText } from "../view-text";

/**
 * rating: whole stars 1…scale (default 5) as a row of large toggle buttons — reachable by keyboard and read out
 * as "4 星", which a drag-to-rate control is not. Pressing the chosen star again clears the rating.
 */
export function RatingWidget({ field, inputId, value, onChange, readOnly, locale }: WidgetProps) {
  const stars = typeof value === "number" ? value : 0;
  const scale = field.scale ?? 5;
  return (
    <div id={inputId} className="ff-rating" aria-labelledby={`${inputId}-label`} role="group">
      {Array.from({ length: scale }, (_, i) => i + 1).map(n => (
        <button key={n} type="button" className={n <= stars ? "ff-star ff-star-on" : "ff-star"} disabled={readOnly}
          aria-pressed={n === stars} aria-label={viewText(locale, "rating", n)}
          onClick={() => onChange(n === stars ? undefined : n)}>★</button>
      ))}
      <span className="ff-rating-text" aria-hidden="true">{stars > 0 ? viewText(locale, "rating", stars) : ""}</span>
    </div>
  );
}
