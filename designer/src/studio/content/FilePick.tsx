import { Button, Space } from "antd";
import { useId, useState } from "react";
import { errorText } from "../api/client";

/** Uploads one file to the files API (POST /api/files) and returns its ID; the server checks the type by content. */
async function upload(file: File): Promise<string> {
  const form = new FormData();
  form.append("file", file, file.name);
  const response = await fetch("/api/files", { method: "POST", body: form, credentials: "same-origin", headers: { Accept: "application/json" } });
  const body = await response.json() as { id?: string; title?: string; detail?: string };
  if (!response.ok || !body.id) throw new Error(body.detail ?? body.title ?? `${response.status}`);
  return body.id;
}

/**
 * An image for an item (its cover, a directory entry's QR code): a plain file input, the picture once uploaded, and
 * a way to clear it. The item's readers may download it once the item is published.
 */
export function ImagePick({ label, value, onChange }: { label: string; value?: string | null; onChange: (id: string | null) => void }) {
  const inputId = useId();
  const [problem, setProblem] = useState<string>();
  return (
    <div className="ff-image-pick">
      <label htmlFor={inputId}>{label}</label>
      <Space align="center">
        {value && <img src={`/api/files/${encodeURIComponent(value)}`} alt={label} />}
        <input id={inputId} type="file" accept="image/png,image/jpeg,image/gif,image/webp" onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload(file).then((id) => { setProblem(undefined); onChange(id); }, (err) => setProblem(errorText(err)));
          e.target.value = "";
        }} />
        {value && <Button size="small" onClick={() => onChange(null)}>×</Button>}
      </Space>
      {problem && <div role="alert" className="ff-image-pick-problem">{problem}</div>}
    </div>
  );
}
