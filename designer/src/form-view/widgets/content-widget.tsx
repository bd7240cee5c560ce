import { localize } from "../../forms";
import { SafeHtml } from "../safe-html";
import type { WidgetProps } from "../widget-props";

/** content: display-only text, image or video from the definition; no data. */
export function ContentWidget({ field, locale }: Pick<WidgetProps, "field" | "locale">) {
  const content = field.content ?? {};
  const html = localize(content.html, locale);
  return (
    <div className="ff-content">
      {html && <SafeHtml html={html} />}
      {content.imageUrl && <img src={content.imageUrl} alt={localize(field.label, locale)} />}
      {content.videoUrl && <video src={content.videoUrl} controls aria-label={localize(field.label, locale)} />}
    </div>
  );
}
