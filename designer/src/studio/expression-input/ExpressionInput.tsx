import { Input, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { ExpressionEngine } from "../../expressions";
import { useI18n } from "../i18n/i18n";

const engine = new ExpressionEngine();

export interface ExpressionInputProps {
  value: string;
  onChange(value: string): void;
  /** The names the expression may use: data/item/index in forms, variables/input/caseInfo in workflows. */
  scopeNames: readonly string[];
  /** Problems the server reported for this input (shown under the local check). */
  serverErrors?: readonly string[];
  disabled?: boolean;
  placeholder?: string;
  "aria-label"?: string;
}

/** The local subset check: the same messages and positions as the server's checker (src/expressions). */
export function checkExpression(source: string, scopeNames: readonly string[]): string[] {
  if (source.trim() === "") return [];
  return engine.check(source, scopeNames).map((p) => `${p.message} (${p.line}:${p.column + 1})`);
}

/** A one-line expression editor that checks what is typed against the allowed subset as you type. */
export function ExpressionInput({ value, onChange, scopeNames, serverErrors = [], disabled, placeholder, ...rest }: ExpressionInputProps) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const problems = useMemo(() => checkExpression(text, scopeNames), [text, scopeNames]);
  const all = [...problems, ...serverErrors];
  return (
    <div className="ff-expression">
      <Input
        value={text}
        disabled={disabled}
        placeholder={placeholder}
        aria-label={rest["aria-label"]}
        aria-invalid={all.length > 0}
        status={all.length > 0 ? "error" : undefined}
        style={{ fontFamily: "monospace" }}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value);
        }}
      />
      {all.map((p, i) => <Typography.Text key={i} type="danger" className="ff-expression-error" style={{ display: "block", fontSize: 12 }}>{p}</Typography.Text>)}
      {all.length === 0 && text.trim() !== "" && <Typography.Text type="success" style={{ fontSize: 12 }}>{t("expr.ok")}</Typography.Text>}
    </div>
  );
}
