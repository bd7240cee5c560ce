import { Button } from "antd-mobile";
import { useState } from "react";
import type { JsonData } from "../../forms";
import type { FileReference, WidgetProps } from "../widget-props";
import { viewText } from "../view-text";

/**
 * file and image: picks files and hands them to the page's upload endpoint, keeping the file references it returns.
 * Without an upload endpoint (none exists on the server yet) the field says so instead of pretending.
 */
export function FileWidget({ field, inputId, value, onChange, readOnly, locale, services }: WidgetProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const files = (Array.isArray(value) ? value : value ? [value] : []) as unknown as FileReference[];
  const upload = services.upload;

  const pick = async (chosen: FileList | null) => {
    if (!chosen || !upload) return;
    setBusy(true);
    setProblem(null);
    try {
      const refs = [];
      for (const file of Array.from(chosen)) refs.push(await upload(file, file.name));
      const next = field.multiple ? [...files, ...refs] : refs[0];
      onChange(next as unknown as JsonData);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ff-files">
      <ul className="ff-file-list">
        {files.map((file, i) => (
          <li key={file.id}>
            {file.name}
            {!readOnly && <Button size="mini" fill="none" onClick={() => {
              const rest = files.filter((_, j) => j !== i);
              onChange((field.multiple ? (rest.length ? rest : undefined) : undefined) as unknown as JsonData);
            }}>{viewText(locale, "removeRow")}</Button>}
          </li>
        ))}
      </ul>
      {!readOnly && (upload
        ? <input id={inputId} type="file" multiple={field.multiple === true} disabled={busy}
            accept={(field.accept ?? (field.type === "image" ? ["image/*"] : [])).join(",") || undefined}
            onChange={e => void pick(e.target.files)} />
        : <p id={inputId} className="ff-hint ff-hint-bad" role="note">{viewText(locale, "uploadUnavailable")}</p>)}
      {problem && <p className="ff-error" role="alert">{problem}</p>}
    </div>
  );
}
