import { Button, Form, Input } from "antd";
import type { FieldDefinition, ValidationRule } from "../../forms";
import { ExpressionInput } from "../expression-input/ExpressionInput";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

export const formScopeNames = ["data", "item", "index"];
const conditionRules = ["visibleIf", "requiredIf", "readOnlyIf", "calculate"] as const;

/** The rules of a field (or the visibleIf of a page/section): each expression checked as it is typed. */
export function RulesEditor({ node, set, only }: {
  node: Partial<FieldDefinition>;
  set(pointer: string, value: unknown, merge?: string): void;
  only?: readonly (typeof conditionRules)[number][];
}) {
  const { t } = useI18n();
  const rules = only ?? conditionRules;
  const validate = (node.validate ?? []) as ValidationRule[];
  return (
    <div className="ff-rules">
      {rules.map((rule) => (
        <Form.Item key={rule} label={t(`rule.${rule}` as MessageKey)}>
          <ExpressionInput aria-label={t(`rule.${rule}` as MessageKey)} value={(node[rule] as string | undefined) ?? ""} scopeNames={formScopeNames}
            placeholder={rule === "visibleIf" ? "data.employed === true" : undefined}
            onChange={(v) => set(`/${rule}`, v.trim() === "" ? undefined : v, rule)} />
        </Form.Item>
      ))}
      {!only && (
        <Form.Item label={t("rule.validate")}>
          {validate.map((r, i) => (
            <div key={i} style={{ border: "1px solid #f0f0f0", padding: 6, marginBottom: 6 }}>
              <Input size="small" aria-label={`${t("rule.validate")} ${i + 1} id`} value={r.id} style={{ marginBottom: 4 }}
                onChange={(e) => set(`/validate/${i}/id`, e.target.value, `v${i}id`)} />
              <ExpressionInput aria-label={`${t("rule.validate")} ${i + 1}`} value={r.expression} scopeNames={formScopeNames}
                onChange={(v) => set(`/validate/${i}/expression`, v, `v${i}`)} />
              <Input size="small" aria-label={`${t("rule.message")} ${i + 1}`} placeholder={t("rule.message")} value={r.message?.["zh-CN"] ?? ""} style={{ marginTop: 4 }}
                onChange={(e) => set(`/validate/${i}/message/zh-CN`, e.target.value, `v${i}m`)} />
              <Button size="small" danger type="link" onClick={() => set("/validate", validate.length === 1 ? undefined : validate.filter((_, n) => n !== i))}>{t("common.delete")}</Button>
            </div>
          ))}
          <Button size="small" onClick={() => set("/validate", [...validate, { id: `rule${validate.length + 1}`, expression: "true", message: { "zh-CN": "请检查输入" } }])}>
            {t("rule.addValidate")}
          </Button>
        </Form.Item>
      )}
    </div>
  );
}
