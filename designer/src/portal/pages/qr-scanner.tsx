import { BrowserQRCodeReader } from "@zxing/library";
import { useEffect, useRef } from "react";

/**
 * The camera view that reads a member QR code (ZXing). Loaded only on the merchant page (a separate chunk), so the
 * service hall does not carry it. Reports the first code read, or why the camera could not start.
 */
export default function QrScanner({ onCode, onProblem, label }: { onCode: (text: string) => void; onProblem: (message: string) => void; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const reader = new BrowserQRCodeReader();
    let done = false;
    reader.decodeFromConstraints({ video: { facingMode: "environment" } }, video.current!, result => {
      if (result && !done) { done = true; onCode(result.getText()); reader.reset(); }
    }).catch((e: unknown) => onProblem(e instanceof Error ? e.message : String(e)));
    return () => reader.reset();
  }, [onCode, onProblem]);
  return <video ref={video} className="pf-scanner" aria-label={label} muted playsInline />;
}
