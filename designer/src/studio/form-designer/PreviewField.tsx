import { Checkbox, Input, InputNumber, Radio, Rate, Switch } from "antd";
import { localize, type FieldDefinition } from "../../forms";

/** One field of the phone preview: a plain control per type (the Portal's renderer replaces this once merged). */
export function PreviewField({ field, value, locale, required, readOnly, errors, onChange }: {
  field: FieldDefinition; value: unknown; locale: string; required: boolean; readOnly: boolean; errors: string[]; onChange(v: unknown): void;
}) {
  const label = localize(field.label, locale);
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: localize(o.label, locale) }));
  let control;
  switch (field.type) {
    case "content":
      return <p className="ff-preview-content">{localize(field.content?.html, locale)}</p>;
    case "number":
    case "money":
      control = <InputNumber aria-label={label} disabled={readOnly} value={typeof value === "number" ? value : null} style={{ width: "100%" }} onChange={(n) => onChange(n ?? undefined)} />;
      break;
    case "boolean":
      control = <Switch aria-label={label} disabled={readOnly} checked={value === true} onChange={(b) => onChange(b)} />;
      break;
    case "choice":
    case "quiz":
      control = <Radio.Group aria-label={label} disabled={readOnly} value={value} options={options} onChange={(e) => onChange(e.target.value)} />;
      break;
    case "multiChoice":
      control = <Checkbox.Group aria-label={label} disabled={readOnly} value={Array.isArray(value) ? value as string[] : []} options={options} onChange={(v) => onChange(v.length ? v : undefined)} />;
      break;
    case "rating":
      control = <Rate aria-label={label} disabled={readOnly} count={field.scale ?? 5} value={typeof value === "number" ? value : 0} onChange={(n) => onChange(n || undefined)} />;
      break;
    case "textarea":
      control = <Input.TextArea aria-label={label} disabled={readOnly} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} />;
      break;
    case "group":
    case "file":
    case "image":
    case "signature":
      control = <Input aria-label={label} disabled value={value === undefined ? "" : JSON.stringify(value)} />;
      break;
    default:
      control = <Input aria-label={label} disabled={readOnly} value={value === undefined || value === null ? "" : String(value)}
        type={field.type === "date" ? "date" : "text"} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className="ff-preview-field" data-field={field.key ?? field.id} style={{ marginBottom: 10 }}>
      <div style={{ fontSize: 13 }}>{required && <span style={{ color: "#ff4d4f" }}>* </span>}{label}</div>
      {control}
      {errors.map((e, i) => <div key={i} role="alert" style={{ color: "#ff4d4f", fontSize: 12 }}>{e}</div>)}
    </div>
  );
}
