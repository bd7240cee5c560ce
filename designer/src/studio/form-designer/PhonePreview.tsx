import { Alert, Input, Tag } from "antd";
import { startTransition, useEffect, useMemo, useRef, useState } from "react";
import { FormDefinitionError, FormRuntime, loadForm, normalizeLocale, type FormDefinition, type JsonRecord } from "../../forms";
import { FormView } from "../../form-view";
import { useI18n } from "../i18n/i18n";

/** The runtime for a definition being edited; a definition the runtime refuses is reported instead of rendered. */
export function previewRuntime(form: FormDefinition): { runtime?: FormRuntime; problem?: string } {
  try {
    return { runtime: new FormRuntime(loadForm(form)) };
  } catch (error) {
    if (error instanceof FormDefinitionError) return { problem: error.problems.map((p) => `${p.path}: ${p.message}`).join("; ") };
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A phone-sized live preview: the Portal's FormView on the shared FormRuntime, so rules act exactly as a worker will
 * see them. The test data is the same object as JSON; typing either side updates the other.
 */
export function PhonePreview({ form }: { form: FormDefinition }) {
  const { t, locale } = useI18n();
  const [data, setData] = useState<JsonRecord>({});
  const [text, setText] = useState("{}");
  const [textProblem, setTextProblem] = useState<string>();
  const { runtime, problem } = useMemo(() => previewRuntime(form), [form]);
  const result = useMemo(() => runtime?.process(data, { mode: "submit", locale }), [runtime, data, locale]);
  // The phone shows the top of the first page on opening: a later page is rendered when the scroll comes near it
  // (a sentinel below the rendered pages), so a 200-field form does not build 200 widgets nobody sees yet.
  const pageCount = runtime?.definition.pages.length ?? 0;
  const [pagesShown, setPagesShown] = useState(1);
  const phone = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (pagesShown >= pageCount) return;
    if (typeof IntersectionObserver === "undefined") { setPagesShown(pageCount); return; }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) startTransition(() => setPagesShown((n) => n + 1));
    }, { root: phone.current, rootMargin: "300px" });
    if (sentinel.current) observer.observe(sentinel.current);
    return () => observer.disconnect();
  }, [pagesShown, pageCount]);

  return (
    <div style={{ display: "flex", gap: 12, alignItems: "flex-start" }}>
      <div ref={phone} className="ff-phone" data-testid="phone-preview" aria-label={t("form.preview")}
        style={{ width: 320, height: 620, border: "10px solid #222", borderRadius: 28, overflow: "auto", padding: 8, background: "#fff", flex: "none" }}>
        {problem && <Alert type="error" title={problem} />}
        {runtime && (
          <FormView runtime={runtime} data={data} locale={normalizeLocale(locale)} allPages pageLimit={pagesShown}
            onChange={(next) => { setData(next); setText(JSON.stringify(next, null, 1)); setTextProblem(undefined); }} />
        )}
        {pagesShown < pageCount && <div ref={sentinel} className="ff-preview-more" style={{ height: 1 }} />}
      </div>
      <div style={{ flex: 1, minWidth: 200 }}>
        {result && (result.valid ? <Tag color="green">{t("form.valid")}</Tag> : <Tag color="red">{t("form.errors", { count: result.errors.length })}</Tag>)}
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
