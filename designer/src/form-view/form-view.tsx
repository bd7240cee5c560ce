import "./form-view.css";
import { Button, ProgressBar } from "antd-mobile";
import { useEffect, useMemo, useState } from "react";
import {
  localize, type FieldAccess, type FieldDefinition, type FormError, type FormResult, type FormRuntime, type JsonData,
  type JsonRecord, type Locale,
} from "../forms";
import { readPath, writePath } from "./data-paths";
import { FieldFrame } from "./field-frame";
import { groupLabelled, selfLabelled, widgets } from "./field-widget";
import { viewText } from "./view-text";
import type { FormViewServices } from "./widget-props";
import { ContentWidget } from "./widgets/content-widget";
import { GroupWidget } from "./widgets/group-widget";

export interface FormViewProps {
  runtime: FormRuntime;
  /** The data as entered (controlled): the runtime normalizes a copy on every change; this stays as typed. */
  data: JsonRecord;
  onChange: (data: JsonRecord) => void;
  locale: Locale;
  permissions?: Readonly<Record<string, FieldAccess>>;
  previousData?: JsonRecord;
  /** Errors the server answered (ProblemDetails errors[]): shown at their field until that field changes. */
  serverErrors?: readonly FormError[];
  services?: FormViewServices;
  /** Called with the submit-mode result once every rule passes; otherwise the errors show at their fields. */
  onSubmit?: (result: FormResult) => void;
  submitLabel?: string;
  busy?: boolean;
  /** All pages at once (a task page, the Studio preview) instead of one page at a time with progress. */
  allPages?: boolean;
  /** With allPages: only the first this many pages for now (the Studio preview adds the rest after the first paint). */
  pageLimit?: number;
}

/**
 * A form definition as a mobile form: page by page with progress, every rule re-evaluated by the shared runtime on
 * each change (visibility, requiredness, read-only, calculations), errors at their fields — the runtime's while
 * typing (for fields touched), all of them after a submit attempt, and the server's.
 */
/** One empty list for every render without server errors, so the effect that follows them runs only when they change. */
const noErrors: readonly FormError[] = [];

export function FormView(props: FormViewProps) {
  const { runtime, data, onChange, locale, permissions, previousData, serverErrors = noErrors, services = {}, onSubmit, busy, allPages, pageLimit } = props;
  const definition = runtime.definition;
  const [page, setPage] = useState(0);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [editedSinceServer, setEdited] = useState<{ errors: readonly FormError[]; paths: ReadonlySet<string> }>({ errors: serverErrors, paths: new Set() });
  const edited = editedSinceServer.errors === serverErrors ? editedSinceServer.paths : new Set<string>();

  const options = { locale, permissions, previousData };
  const draft = useMemo(() => runtime.process(data, { ...options, mode: "draft" }), [runtime, data, locale, permissions, previousData]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = useMemo(() => attempted ? runtime.process(data, { ...options, mode: "submit" }) : null, [attempted, runtime, data, locale, permissions, previousData]); // eslint-disable-line react-hooks/exhaustive-deps

  const shown: FormError[] = [
    ...(submit ? submit.errors : draft.errors.filter(e => [...touched].some(p => covers(p, e.path)))),
    ...serverErrors.filter(e => ![...edited].some(p => covers(p, e.path) || covers(e.path, p))),
  ];
  const errorsAt = (path: string) => dedupe(shown.filter(e => e.path === path || (e.path.startsWith(path + "/") && !draft.fields[e.path])));

  const setValue = (path: string, value: JsonData | undefined) => {
    onChange(writePath(data, path, value));
    setTouched(prev => new Set(prev).add(path));
    setEdited({ errors: serverErrors, paths: new Set(edited).add(path) });
  };

  const pages = definition.pages;
  const pageOf = (path: string) => pages.findIndex(p => p.sections.some(s => s.fields.some(f => f.key !== undefined && covers(`/${f.key}`, path))));
  const visiblePages = pages.map((_, i) => i).slice(0, pageLimit);
  // Page by page, a page whose every field is hidden (by its rules or the step's permissions) is skipped: a worker
  // is never shown the handler's empty page before submitting. A page of content only is always shown.
  const shownPages = pages.map((_, i) => i).filter(i => {
    const fields = pages[i].sections.flatMap(s => s.fields).filter(f => f.type !== "content");
    return fields.length === 0 || fields.some(f => draft.fields[`/${f.key ?? f.id}`]?.visible);
  });
  const order = shownPages.length > 0 ? shownPages : [0];
  const position = Math.min(page, order.length - 1);
  const current = order[position];

  // The server refused fields: show the first page holding one, as a failed check in the browser does (the worker
  // may be on the last page while the refused field is on the first).
  const firstPageWith = (errors: readonly FormError[]) => errors.map(e => order.indexOf(pageOf(e.path))).filter(i => i >= 0).sort((a, b) => a - b)[0];
  useEffect(() => {
    const first = firstPageWith(serverErrors);
    if (first !== undefined && !allPages) setPage(first);
  }, [serverErrors]); // eslint-disable-line react-hooks/exhaustive-deps

  const renderField = (field: FieldDefinition, path: string): React.ReactNode => {
    const label = localize(field.label, locale);
    if (field.type === "content") return <ContentWidget key={field.id} field={field} locale={locale} />;
    const state = draft.fields[path];
    if (state && !state.visible) return null;
    const inputId = `ff${path.replace(/[^A-Za-z0-9_-]/g, "-")}`;
    const readOnly = state?.readOnly ?? false;
    const value = readOnly ? readPath(draft.data, path) ?? readPath(data, path) : readPath(data, path);
    const common = { field, path, inputId, value, readOnly, locale, services, onChange: (v: JsonData | undefined) => setValue(path, v) };
    const Widget = widgets[field.type];
    return (
      <FieldFrame key={field.id} inputId={inputId} label={label} help={localize(field.help, locale) || undefined}
        required={state?.required ?? false} errors={errorsAt(path)} requiredWord={viewText(locale, "required")}
        labelKind={selfLabelled.has(field.type) ? "none" : groupLabelled.has(field.type) || field.type === "group" ? "caption" : "label"}>
        {field.type === "group"
          ? <GroupWidget {...common} renderField={renderField} />
          : Widget ? <Widget {...common} /> : null}
      </FieldFrame>
    );
  };

  const renderPage = (index: number) => {
    const definitionPage = pages[index];
    return (
      <section key={definitionPage.id} className="ff-page" aria-label={localize(definitionPage.title, locale) || undefined}>
        {pages.length > 1 && <h2 className="ff-page-title">{localize(definitionPage.title, locale)}</h2>}
        {definitionPage.sections.map(section => {
          const fields = section.fields.map(f => renderField(f, `/${f.key ?? f.id}`));
          if (section.fields.some(f => f.type !== "content") && fields.every((f, i) => f === null || section.fields[i].type === "content")) return null;
          return (
            <fieldset key={section.id} className="ff-section">
              {section.title && <legend className="ff-section-title">{localize(section.title, locale)}</legend>}
              {section.description && <p className="ff-help">{localize(section.description, locale)}</p>}
              {fields}
            </fieldset>
          );
        })}
      </section>
    );
  };

  const trySubmit = () => {
    setAttempted(true);
    const result = runtime.process(data, { ...options, mode: "submit" });
    if (result.valid) { onSubmit?.(result); return; }
    const first = firstPageWith(result.errors);
    if (first !== undefined && !allPages) setPage(first);
  };
  const tryNext = () => {
    const result = runtime.process(data, { ...options, mode: "submit" });
    if (result.errors.some(e => pageOf(e.path) === current)) { setAttempted(true); return; }
    setPage(position + 1);
    window.scrollTo?.(0, 0);
  };

  const formLevel = shown.filter(e => e.path === "");
  const blocked = attempted && submit !== null && submit.errors.some(e => allPages || pageOf(e.path) === current || pageOf(e.path) < 0);
  return (
    <form className="ff-form" noValidate onSubmit={e => { e.preventDefault(); trySubmit(); }}>
      {!allPages && order.length > 1 && (
        <div className="ff-progress">
          <ProgressBar percent={((position + 1) / order.length) * 100} aria-hidden="true" />
          <p aria-live="polite">{viewText(locale, "page", position + 1, order.length)}</p>
        </div>
      )}
      {formLevel.map(e => <div key={e.rule} className="ff-error" role="alert">{e.message}</div>)}
      {allPages ? visiblePages.map(renderPage) : renderPage(current)}
      {blocked && <div className="ff-error" role="alert">{viewText(locale, "fixErrors")}</div>}
      {onSubmit && (
        <div className="ff-actions">
          {!allPages && position > 0 && <Button onClick={() => setPage(position - 1)}>{viewText(locale, "previous")}</Button>}
          {/* Keyed apart: were "next" reused as "submit", the tap that turns the page would also submit the form. */}
          {!allPages && position < order.length - 1
            ? <Button key="next" color="primary" onClick={tryNext}>{viewText(locale, "next")}</Button>
            : <Button key="submit" color="primary" type="submit" loading={busy}>{props.submitLabel ?? viewText(locale, "submit")}</Button>}
        </div>
      )}
    </form>
  );
}

/** True when `path` is `parent` or lies under it. */
function covers(parent: string, path: string): boolean {
  return path === parent || path.startsWith(parent + "/");
}

function dedupe(errors: FormError[]): FormError[] {
  const seen = new Set<string>();
  return errors.filter(e => { const k = `${e.path}|${e.rule}|${e.message}`; if (seen.has(k)) return false; seen.add(k); return true; });
}
