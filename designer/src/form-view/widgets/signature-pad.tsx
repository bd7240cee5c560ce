import { Button } from "antd-mobile";
import { useRef, useState } from "react";
import type { JsonData } from "../../forms";
import type { FileReference, WidgetProps } from "../widget-props";
import { viewText } from "../view-text";
import { uploadProblem } from "./upload-problem";

/**
 * signature: a finger or mouse draws on a canvas (pointer events); "save" turns the drawing into a PNG and uploads
 * it, and the file reference becomes the value. A saved signature is shown as the stored image ("clear" signs
 * again). Without an upload endpoint the pad still draws but cannot be saved, and says why.
 */
export function SignatureWidget({ inputId, value, onChange, readOnly, locale, services }: WidgetProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [strokes, setStrokes] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saved = value as unknown as FileReference | undefined;
  const savedUrl = saved?.id ? services.fileUrl?.(saved) : undefined;

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const scale = e.currentTarget.width / (box.width || e.currentTarget.width);
    return [(e.clientX - box.left) * scale, (e.clientY - box.top) * scale] as const;
  };
  const context = () => canvas.current?.getContext("2d") ?? null;

  const save = async () => {
    const pad = canvas.current;
    if (!pad || !services.upload) return;
    setProblem(null);
    setBusy(true);
    try {
      const blob = await new Promise<Blob | null>(resolve => pad.toBlob(resolve, "image/png"));
      if (!blob) throw new Error("the drawing could not be turned into an image");
      onChange(await services.upload(blob, "signature.png") as unknown as JsonData);
    } catch (error) {
      setProblem(uploadProblem(locale, "signature.png", error));
    } finally {
      setBusy(false);
    }
  };
  const image = savedUrl && <img id={inputId} src={savedUrl} alt={viewText(locale, "signatureImage")} className="ff-signature-image" />;

  if (readOnly) return image || <p id={inputId}>{saved ? viewText(locale, "signatureSaved") : "—"}</p>;
  return (
    <div className="ff-signature">
      {image || <canvas id={inputId} ref={canvas} width={600} height={240} className="ff-signature-pad" role="img"
        aria-label={viewText(locale, "signHere")}
        onPointerDown={e => {
          const ctx = context();
          drawing.current = true;
          e.currentTarget.setPointerCapture?.(e.pointerId);
          if (!ctx) return;
          const [x, y] = point(e);
          ctx.lineWidth = 4; ctx.lineCap = "round"; ctx.strokeStyle = "#111";
          ctx.beginPath(); ctx.moveTo(x, y);
        }}
        onPointerMove={e => {
          if (!drawing.current) return;
          const ctx = context();
          if (!ctx) return;
          const [x, y] = point(e);
          ctx.lineTo(x, y); ctx.stroke();
        }}
        onPointerUp={() => { if (drawing.current) setStrokes(n => n + 1); drawing.current = false; }} />}
      <div className="ff-signature-actions">
        {saved && <span className="ff-hint ff-hint-ok">{viewText(locale, "signatureSaved")}</span>}
        <Button size="small" onClick={() => {
          const pad = canvas.current;
          pad?.getContext("2d")?.clearRect(0, 0, pad.width, pad.height);
          setStrokes(0);
          onChange(undefined);
        }}>{viewText(locale, "clear")}</Button>
        {services.upload
          ? !saved && <Button size="small" color="primary" disabled={strokes === 0 || busy} loading={busy} onClick={() => void save()}>{viewText(locale, "signatureSave")}</Button>
          : <span className="ff-hint ff-hint-bad" role="note">{viewText(locale, "uploadUnavailable")}</span>}
      </div>
      {problem && <p className="ff-error" role="alert">{problem}</p>}
    </div>
  );
}
