import { Input, InputNumber, Segmented, Switch } from "antd";
import { useEffect, useState } from "react";
import { ExpressionInput } from "../expression-input/ExpressionInput";
import { useI18n } from "../i18n/i18n";
import { workflowScopeNames } from "./activity-ports";
import type { InputSpec } from "./activity-registry";
import { isExpression } from "./workflow-definition";
import { tones } from "../app/tones";

/** JSON typed into a box: parsed when it parses, otherwise kept as text with the parser's message. */
export function JsonField({ value, onChange, label, rows = 3 }: { value: unknown; onChange(v: unknown): void; label: string; rows?: number }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => (value === undefined ? "" : JSON.stringify(value, null, 1)));
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value)) return current;
      } catch { /* replaced below */ }
      return value === undefined ? "" : JSON.stringify(value, null, 1);
    });
  }, [value]);
  return (
    <>
      <Input.TextArea aria-label={label} rows={rows} value={text} status={problem ? "error" : undefined} style={{ fontFamily: "monospace", fontSize: 12 }}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === "") { setProblem(undefined); onChange(undefined); return; }
          try {
            onChange(JSON.parse(e.target.value));
            setProblem(undefined);
          } catch (error) {
            setProblem(t("wf.invalidJson", { message: (error as Error).message }));
          }
        }} />
      {problem && <div style={{ color: tones.problem, fontSize: 12 }}>{problem}</div>}
    </>
  );
}

/** One activity input: a literal of the input's kind, or (except scripts) an expression checked as you type. */
export function InputEditor({ spec, value, onChange, serverErrors, disabled }: {
  spec: InputSpec; value: unknown; onChange(value: unknown): void; serverErrors: string[]; disabled?: boolean;
}) {
  const { t } = useI18n();
  const expression = isExpression(value);
  const canBeExpression = spec.kind !== "script";
  return (
    <div className="ff-input-editor" data-input={spec.name}>
      {canBeExpression && (
        <Segmented size="small" disabled={disabled} value={expression ? "expression" : "literal"}
          options={[{ label: t("wf.literal"), value: "literal" }, { label: t("wf.expression"), value: "expression" }]}
          onChange={(mode) => onChange(mode === "expression" ? { expression: typeof value === "string" ? JSON.stringify(value) : value === undefined ? "" : JSON.stringify(value) } : undefined)} />
      )}
      {expression ? (
        <ExpressionInput aria-label={spec.name} value={value.expression} scopeNames={workflowScopeNames} serverErrors={serverErrors} disabled={disabled}
          onChange={(source) => onChange({ expression: source })} />
      ) : (
        <>
          {literalEditor(spec, value, onChange, disabled)}
          {serverErrors.map((e, i) => <div key={i} style={{ color: tones.problem, fontSize: 12 }}>{e}</div>)}
        </>
      )}
    </div>
  );
}

function literalEditor(spec: InputSpec, value: unknown, onChange: (v: unknown) => void, disabled?: boolean) {
  switch (spec.kind) {
    case "string":
      return <Input aria-label={spec.name} disabled={disabled} value={typeof value === "string" ? value : ""} placeholder={spec.description ?? undefined}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)} />;
    case "number":
    case "integer":
      return <InputNumber aria-label={spec.name} disabled={disabled} value={typeof value === "number" ? value : null} precision={spec.kind === "integer" ? 0 : undefined}
        style={{ width: "100%" }} onChange={(n) => onChange(n ?? undefined)} />;
    case "boolean":
      return <Switch aria-label={spec.name} disabled={disabled} checked={value === true} onChange={(b) => onChange(b || undefined)} />;
    case "script":
      return <Input.TextArea aria-label={spec.name} disabled={disabled} rows={5} value={typeof value === "string" ? value : ""} style={{ fontFamily: "monospace" }}
        onChange={(e) => onChange(e.target.value)} />;
    default:
      return <JsonField label={spec.name} value={value} onChange={onChange} />;
  }
}
