import { Alert, Button, Form, Input, InputNumber, Select, Switch, Typography } from "antd";
import type { ChoiceOption, FieldDefinition, LocalizedText } from "../../forms";
import type { Refusal } from "../customisation/lock-check";
import { LockedProperty, type PropertyLockOf } from "../customisation/LockedProperty";
import { useI18n } from "../i18n/i18n";
import { fieldTypeLabel, piiClasses } from "./field-catalog";
import { RulesEditor } from "./RulesEditor";

const editedLocales = ["zh-CN", "en", "zh-TW"] as const;

/** A localized text as one input per locale; each locale is its own pointer so overlays and locks see it. */
export function LocalizedInput({ label, value, pointer, set, lockOf }: {
  label: string; value: LocalizedText | undefined; pointer: string; set(pointer: string, v: unknown, merge?: string): void; lockOf?: PropertyLockOf;
}) {
  return (
    <Form.Item label={label}>
      {editedLocales.map((l) => (
        <LockedProperty key={l} name={`${label} ${l}`} lock={lockOf?.(`${pointer}/${l}`)}>
          <Input size="small" addonBefore={l} aria-label={`${label} ${l}`} value={value?.[l] ?? ""} style={{ marginBottom: 2 }}
            onChange={(e) => set(`${pointer}/${l}`, e.target.value === "" ? undefined : e.target.value, `${pointer}/${l}`)} />
        </LockedProperty>
      ))}
    </Form.Item>
  );
}

/** Properties of one field: labels per locale, key, required, PII class, constraints by type, options, rules. */
export function FieldProperties({ field, set, refusal, structureLocked, locked = false, propertyLock }: {
  field: FieldDefinition; set(pointer: string, value: unknown, merge?: string): void; refusal?: Refusal; structureLocked: boolean;
  /** Locked above as a whole (or additions only): every property is shown greyed. */
  locked?: boolean;
  /** The lock above that holds one property (`/required`): that property alone is greyed, with the reason. */
  propertyLock?: PropertyLockOf;
}) {
  const { t, locale } = useI18n();
  const numeric = field.type === "number" || field.type === "money" || field.type === "rating";
  const textual = field.type === "text" || field.type === "textarea";
  const options = (field.options ?? []) as ChoiceOption[];
  return (
    <div className="ff-field-properties">
      <Typography.Title level={5} style={{ marginTop: 0 }}>{fieldTypeLabel(field.type, locale)} · {field.id}</Typography.Title>
      {refusal && <Alert type="error" showIcon role="alert" className="ff-refusal" title={t("cust.refused", { reason: refusal.reason })}
        description={refusal.lockedBy ? t("cust.lockedBy", { org: refusal.lockedBy.name ?? refusal.lockedBy.id, reason: refusal.reason }) : undefined} />}
      <Form layout="vertical" size="small" disabled={locked}>
        <LocalizedInput label={t("form.label")} value={field.label} pointer="/label" set={set} lockOf={propertyLock} />
        {field.type !== "content" && (
          <>
            <LockedProperty name={t("form.key")} lock={propertyLock?.("/key")}>
              <Form.Item label={t("form.key")}>
                <Input aria-label={t("form.key")} value={field.key ?? ""} disabled={structureLocked} onChange={(e) => set("/key", e.target.value, "key")} />
              </Form.Item>
            </LockedProperty>
            <LockedProperty name={t("form.required")} lock={propertyLock?.("/required")}>
              <Form.Item label={t("form.required")}>
                <Switch aria-label={t("form.required")} checked={field.required === true} onChange={(b) => set("/required", b || undefined)} />
              </Form.Item>
            </LockedProperty>
            <LockedProperty name={t("form.pii")} lock={propertyLock?.("/pii")}>
              <Form.Item label={t("form.pii")}>
                <Select aria-label={t("form.pii")} allowClear value={field.pii} options={piiClasses.map((p) => ({ value: p }))} onChange={(p) => set("/pii", p ?? undefined)} />
              </Form.Item>
            </LockedProperty>
          </>
        )}
        {(numeric || textual) && <Typography.Text strong>{t("form.constraints")}</Typography.Text>}
        {numeric && (["min", "max"] as const).map((k) => (
          <LockedProperty key={k} name={k} lock={propertyLock?.(`/${k}`)}>
            <Form.Item label={k}>
              <InputNumber aria-label={k} value={field[k] ?? null} style={{ width: "100%" }} onChange={(n) => set(`/${k}`, n ?? undefined, k)} />
            </Form.Item>
          </LockedProperty>
        ))}
        {textual && (["minLength", "maxLength"] as const).map((k) => (
          <LockedProperty key={k} name={k} lock={propertyLock?.(`/${k}`)}>
            <Form.Item label={k}>
              <InputNumber aria-label={k} min={0} precision={0} value={field[k] ?? null} style={{ width: "100%" }} onChange={(n) => set(`/${k}`, n ?? undefined, k)} />
            </Form.Item>
          </LockedProperty>
        ))}
        {textual && (
          <LockedProperty name="pattern" lock={propertyLock?.("/pattern")}>
            <Form.Item label="pattern">
              <Input aria-label="pattern" value={field.pattern ?? ""} style={{ fontFamily: "monospace" }} onChange={(e) => set("/pattern", e.target.value || undefined, "pattern")} />
            </Form.Item>
          </LockedProperty>
        )}
        {options.length > 0 || field.type === "choice" || field.type === "multiChoice" ? (
          <LockedProperty name={t("form.options")} lock={propertyLock?.("/options")}>
            <Form.Item label={t("form.options")}>
              {options.map((o, i) => (
                <div key={i} style={{ display: "flex", gap: 4, marginBottom: 2 }}>
                  <Input size="small" aria-label={`${t("form.options")} ${i + 1} value`} value={o.value} style={{ width: 90 }} onChange={(e) => set(`/options/${i}/value`, e.target.value, `o${i}v`)} />
                  <Input size="small" aria-label={`${t("form.options")} ${i + 1}`} value={o.label?.["zh-CN"] ?? ""} onChange={(e) => set(`/options/${i}/label/zh-CN`, e.target.value, `o${i}l`)} />
                  <Button size="small" type="link" danger disabled={options.length <= 1} onClick={() => set("/options", options.filter((_, n) => n !== i))}>×</Button>
                </div>
              ))}
              <Button size="small" onClick={() => set("/options", [...options, { value: `o${options.length + 1}`, label: { "zh-CN": `选项${options.length + 1}` } }])}>{t("form.addOption")}</Button>
            </Form.Item>
          </LockedProperty>
        ) : null}
        <Typography.Text strong>{t("form.rules")}</Typography.Text>
        <RulesEditor node={field} set={set} />
      </Form>
    </div>
  );
}
