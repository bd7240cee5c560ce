import { Alert, Input, Tag } from "antd";
import { useMemo, useState } from "react";
import { FormDefinitionError, FormRuntime, loadForm, localize, type FieldDefinition, type FormDefinition, type FormResult } from "../../forms";
import type { JsonRecord } from "../../forms";
import { useI18n } from "../i18n/i18n";
import { PreviewField } from "./PreviewField";

/** Runs the form runtime on the test data; a definition the runtime refuses is reported instead of rendered. */
export function runPreview(form: FormDefinition, data: JsonRecord, locale: string): { result?: FormResult; problem?: string } {
  try {
    return { result: new FormRuntime(loadForm(form)).process(data, { mode: "submit", locale }) };
  } catch (error) {
    if (error instanceof FormDefinitionError) return { problem: error.problems.map((p) => `${p.path}: ${p.message}`).join("; ") };
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A phone-sized live preview driven by the same FormRuntime the Portal uses: the test data (typed as JSON or into
 * the fields) goes through every rule, so visibleIf/requiredIf/calculate act as they will for a worker.
 */
export function PhonePreview({ form }: { form: FormDefinition }) {
  const { t, locale } = useI18n();
  const [data, setData] = useState<JsonRecord>({});
  const [text, setText] = useState("{}");
  const [textProblem, setTextProblem] = useState<string>();
  const { result, problem } = useMemo(() => runPreview(form, data, locale), [form, data, locale]);

  const update = (next: JsonRecord) => {
    setData(next);
    setText(JSON.stringify(next, null, 1));
    setTextProblem(undefined);
  };
  const errorsAt = (path: string) => (result?.errors ?? []).filter((e) => e.path === path).map((e) => e.message);
  const renderField = (f: FieldDefinition) => {
    const path = `/${f.key ?? f.id}`;
    const state = result?.fields[path];
    if (f.key && state && !state.visible) return null;
    return (
      <PreviewField key={f.id} field={f} value={f.key ? (result?.data[f.key] ?? data[f.key]) : undefined} locale={locale}
        required={state?.required ?? false} readOnly={(state?.readOnly ?? false) || f.calculate !== undefined} errors={errorsAt(path)}
        onChange={(v) => {
          const next = { ...data };
          if (v === undefined || v === "") delete next[f.key!]; else next[f.key!] = v as JsonRecord[string];
          update(next);
        }} />
    );
  };

  return (
    <div style={{ display: "flex", gap: 12, alignItems: "flex-start" }}>
      <div className="ff-phone" data-testid="phone-preview" aria-label={t("form.preview")}
        style={{ width: 320, height: 620, border: "10px solid #222", borderRadius: 28, overflow: "auto", padding: 12, background: "#fff", flex: "none" }}>
        <h3 style={{ marginTop: 0 }}>{localize(form.title, locale)}</h3>
        {problem && <Alert type="error" title={problem} />}
        {result && (result.valid ? <Tag color="green">{t("form.valid")}</Tag> : <Tag color="red">{t("form.errors", { count: result.errors.length })}</Tag>)}
        {form.pages.map((page) => (
          <section key={page.id}>
            <h4>{localize(page.title, locale)}</h4>
            {page.sections.map((section) => (
              <fieldset key={section.id} style={{ border: "none", borderTop: "1px solid #eee", padding: "4px 0" }}>
                <legend style={{ fontSize: 13, color: "#595959" }}>{localize(section.title, locale)}</legend>
                {section.fields.map(renderField)}
              </fieldset>
            ))}
          </section>
        ))}
      </div>
      <div style={{ flex: 1, minWidth: 200 }}>
        <label>{t("form.testData")}
          <Input.TextArea aria-label={t("form.testData")} rows={14} value={text} status={textProblem ? "error" : undefined} style={{ fontFamily: "monospace", fontSize: 12 }}
            onChange={(e) => {
              setText(e.target.value);
              try {
                const parsed = JSON.parse(e.target.value);
                if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) { setData(parsed); setTextProblem(undefined); }
              } catch (error) {
                setTextProblem((error as Error).message);
              }
            }} />
        </label>
        {textProblem && <div style={{ color: "#ff4d4f", fontSize: 12 }}>{textProblem}</div>}
        {result && result.errors.length > 0 && (
          <ul className="ff-preview-errors" style={{ fontSize: 12, color: "#cf1322" }}>
            {result.errors.map((e, i) => <li key={i}>{e.path || "/"} · {e.rule}: {e.message}</li>)}
          </ul>
        )}
      </div>
    </div>
  );
}
