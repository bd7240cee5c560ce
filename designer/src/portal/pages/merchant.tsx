import { Button, TextArea } from "antd-mobile";
import { lazy, Suspense, useCallback, useState } from "react";
import { api, ApiProblem, newIdempotencyKey } from "../api";
import type { Entitlement, Verification } from "../api-types";
import { labelOf, say } from "../i18n";
import { useConnectivity } from "../offline/connectivity";
import { Link } from "../router";
import { hasRole, useSession } from "../session";

const QrScanner = lazy(() => import("./qr-scanner"));

/** The merchant's page: scan or paste a member code, see the membership, record a benefit use within the quota. */
export function MerchantPage() {
  const { me, locale } = useSession();
  const [code, setCode] = useState("");
  const [scanning, setScanning] = useState(false);
  const [result, setResult] = useState<Verification | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "bad"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // A member code is checked against the server's key and the member's current standing: it cannot be offline.
  const { offline } = useConnectivity();

  const verify = useCallback(async (credential: string) => {
    setBusy(true);
    setMessage(null);
    try {
      setResult(await api<Verification>("POST", "/api/verify", { credential: credential.trim() }));
    } catch (e) {
      setResult(null);
      setMessage({ tone: "bad", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }, []);
  const scanned = useCallback((text: string) => { setScanning(false); setCode(text); void verify(text); }, [verify]);
  const cameraProblem = useCallback((m: string) => { setScanning(false); setMessage({ tone: "bad", text: say(locale, "cameraUnavailable", m) }); }, [locale]);

  const redeem = async (entitlement: Entitlement) => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await api<{ entitlement: Entitlement }>("POST", "/api/redemptions", { credential: code.trim(), entitlementId: entitlement.id },
        { "Idempotency-Key": newIdempotencyKey() });
      setMessage({ tone: "ok", text: say(locale, "redeemed", labelOf(entitlement.name, locale), r.entitlement.remaining) });
      setResult(prev => prev && { ...prev, entitlements: prev.entitlements?.map(e => e.id === entitlement.id ? r.entitlement : e) ?? null });
    } catch (e) {
      const rule = e instanceof ApiProblem ? e.errors.find(x => x.rule === "merchantOffers" || x.rule === "merchantActive")?.rule : undefined;
      const text = e instanceof ApiProblem && e.status === 409 ? say(locale, "quotaExhausted", e.detail ?? e.title)
        : rule === "merchantOffers" ? say(locale, "notOffered", labelOf(entitlement.name, locale))
        : rule === "merchantActive" ? say(locale, "merchantInactive")
        : e instanceof Error ? e.message : String(e);
      setMessage({ tone: "bad", text });
    } finally {
      setBusy(false);
    }
  };

  if (!hasRole(me, "merchant", "reviewer", "admin")) return <p>{say(locale, "noAccess")}</p>;
  return (
    <section>
      <h2>{say(locale, "merchant")}</h2>
      {offline && <p className="pf-error" role="alert">{say(locale, "verifyNeedsNetwork")}</p>}
      {hasRole(me, "merchant") && <p><Link to="/merchant/redemptions">{say(locale, "redemptions")}</Link></p>}
      {scanning
        ? <Suspense fallback={<p>{say(locale, "loading")}</p>}><QrScanner onCode={scanned} onProblem={cameraProblem} label={say(locale, "scan")} /></Suspense>
        : null}
      <Button block size="large" onClick={() => setScanning(s => !s)}>{scanning ? say(locale, "stopScan") : say(locale, "scan")}</Button>
      <form className="pf-card" onSubmit={e => { e.preventDefault(); void verify(code); }}>
        <label htmlFor="member-code">{say(locale, "pasteCode")}</label>
        <TextArea id="member-code" value={code} onChange={setCode} autoSize={{ minRows: 2, maxRows: 5 }} />
        <Button block color="primary" type="submit" loading={busy} disabled={code.trim() === "" || offline}>{say(locale, "verify")}</Button>
      </form>
      {message && <p className={message.tone === "ok" ? "pf-ok" : "pf-error"} role="alert">{message.text}</p>}
      {result && (result.valid
        ? <div className="pf-card" data-testid="verification">
            <p className="pf-ok"><strong>{say(locale, "valid")}</strong></p>
            <p>{result.displayName} · {result.memberNumber}</p>
            <p>{result.orgName}</p>
            <ul className="pf-plain">{(result.entitlements ?? []).map(e => (
              <li key={e.id} className="pf-row">
                <span>{labelOf(e.name, locale)} · {say(locale, "remaining", e.remaining, e.quota)}</span>
                <Button size="small" color="primary" disabled={busy} onClick={() => void redeem(e)}>{say(locale, "redeem")}</Button>
              </li>))}
            </ul>
          </div>
        : <p className="pf-error" role="alert">{say(locale, "invalid", result.message ?? result.reason ?? "")}</p>)}
    </section>
  );
}
