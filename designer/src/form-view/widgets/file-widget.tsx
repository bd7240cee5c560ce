import { Button } from "antd-mobile";
import { useState } from "react";
import type { JsonData } from "../../forms";
import type { FileReference, WidgetProps } from "../widget-props";
import { viewText } from "../view-text";
import { uploadProblem } from "./upload-problem";

/**
 * file and image: picks files and uploads them through the page, keeping the file references it returns; a refused
 * upload is named at the field. Uploaded images are shown, other files are links to read them back.
 */
export function FileWidget({ field, inputId, value, onChange, readOnly, locale, services }: WidgetProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const files = (Array.isArray(value) ? value : value ? [value] : []) as unknown as FileReference[];
  const { upload, fileUrl } = services;

  const pick = async (input: HTMLInputElement) => {
    const chosen = Array.from(input.files ?? []);
    if (!chosen.length || !upload) return;
    setBusy(true);
    setProblem(null);
    const refs: FileReference[] = [];
    try {
      for (const file of chosen) {
        try {
          refs.push(await upload(file, file.name));
        } catch (error) {
          setProblem(uploadProblem(locale, file.name, error));
          break;
        }
      }
      if (refs.length) onChange((field.multiple ? [...files, ...refs] : refs[0]) as unknown as JsonData);
    } finally {
      setBusy(false);
      // The same file can be chosen again after a refusal or a removal.
      input.value = "";
    }
  };

  return (
    <div className="ff-files">
      <ul className="ff-file-list">
        {files.map((file, i) => (
          <li key={`${file.id}-${i}`}>
            <FileShown file={file} image={field.type === "image"} url={fileUrl?.(file)} />
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
            onChange={e => void pick(e.currentTarget)} />
        : <p id={inputId} className="ff-hint ff-hint-bad" role="note">{viewText(locale, "uploadUnavailable")}</p>)}
      <p className="ff-hint" aria-live="polite">{busy ? viewText(locale, "uploading") : ""}</p>
      {problem && <p className="ff-error" role="alert">{problem}</p>}
    </div>
  );
}

/** An uploaded file: an image as a picture, anything else as a link (or just its name when it cannot be read back). */
function FileShown({ file, image, url }: { file: FileReference; image: boolean; url?: string }) {
  if (!url) return <span>{file.name}</span>;
  if (image || file.contentType?.startsWith("image/"))
    return <span className="ff-file-image"><img src={url} alt={file.name} className="ff-file-thumb" />{file.name}</span>;
  return <a href={url} target="_blank" rel="noopener noreferrer">{file.name}</a>;
}
