import type { ReactNode } from "react";
import type { FormError } from "../forms";

/** A field's label, required mark, help and errors around its widget; errors are announced (role="alert"). */
export function FieldFrame(props: {
  inputId: string; label: string; help?: string; required: boolean; errors: FormError[]; requiredWord: string;
  /** "label" for one input, "caption" for a group of inputs (named through aria-labelledby), "none" when the widget shows it. */
  labelKind: "label" | "caption" | "none"; children: ReactNode;
}) {
  const { inputId, label, help, required, errors, requiredWord, labelKind, children } = props;
  const mark = required && <span className="ff-required" aria-label={requiredWord}> *</span>;
  return (
    <div className={errors.length ? "ff-field ff-field-invalid" : "ff-field"} data-field={inputId}>
      {labelKind === "label" && <label className="ff-label" id={`${inputId}-label`} htmlFor={inputId}>{label}{mark}</label>}
      {labelKind === "caption" && <div className="ff-label" id={`${inputId}-label`}>{label}{mark}</div>}
      {labelKind === "none" && mark}
      {help && <div className="ff-help" id={`${inputId}-help`}>{help}</div>}
      {children}
      {errors.map(error => <div key={`${error.path}:${error.rule}`} className="ff-error" role="alert">{error.message}</div>)}
    </div>
  );
}
