import { Button, NoticeBar } from "antd-mobile";
import { useEffect, useMemo, useRef, useState } from "react";
import { FormRuntime, loadForm, type FormError, type JsonRecord } from "../../forms";
import { FormView } from "../../form-view";
import { takeAhead } from "../ahead";
import { api, ApiProblem, fileServices, newIdempotencyKey } from "../api";
import type { Case, Receipt, ServiceDetail } from "../api-types";
import { labelOf, say, when, type Word } from "../i18n";
import { PageState } from "../page-state";
import { navigate } from "../router";
import { useSession } from "../session";
import { useLoad } from "../use-load";
import { useOrgOptions } from "../use-org-options";
import { dropDeviceDraft, keepOnDevice, syncDraft, type DraftSync } from "../offline/device-drafts";
import { enqueue, flushQueue } from "../offline/submission-queue";
import { ResponseNotice } from "./response-notice";

const draftDelayMs = 800;

/** A refusal by the response policy, in the reader's words (the server names the rule it applied). */
const policyWords: Record<string, Word | undefined> = {
  responseLimit: "refusedAnswered", responseOpensAt: "refusedNotOpen", responseClosesAt: "refusedClosed", responseEligibility: "notEligible",
};

/**
 * Fill in a service's form. The draft is saved to the server as I type (debounced PUT), so it comes back on another
 * device; submitting sends one Idempotency-Key per attempt and shows the server's field errors at their fields.
 * Offline, the draft is kept on this device and an application waits in the device's queue (offline/).
 * The service, my draft and the org units are asked for at once (by the hall's link as it is tapped, else here): on a
 * phone network each round trip costs 150 ms or more.
 */
export function FillForm({ serviceId }: { serviceId: string }) {
  const { locale, me } = useSession();
  const loaded = useLoad(async () => {
    const [service, sync] = await Promise.all([takeAhead<ServiceDetail>(`/api/services/${serviceId}`), syncDraft(me.userName, serviceId)]);
    return { service, runtime: new FormRuntime(loadForm(service.form)), sync };
  }, [serviceId]);
  const orgs = useOrgOptions();
  return (
    <PageState {...loaded}>{() => <Filling key={serviceId} {...loaded.value!} orgs={orgs} serviceId={serviceId} locale={locale} account={me.userName} />}</PageState>
  );
}

function Filling({ service, runtime, sync, orgs, serviceId, locale, account }: {
  service: ServiceDetail; runtime: FormRuntime; sync: DraftSync; orgs: ReturnType<typeof useOrgOptions>; serviceId: string;
  locale: ReturnType<typeof useSession>["locale"]; account: string;
}) {
  const draft = sync.draft;
  const [data, setData] = useState<JsonRecord>(draft?.data ?? {});
  const [saved, setSaved] = useState<{ state: "idle" | "saving" | "saved" | "failed" | "offline"; text?: string }>(
    sync.kind === "offline" && draft ? { state: "offline" } : { state: "idle" });
  // The server draft this device's edits build on: a copy kept offline replaces it only if it is still the server's.
  const base = useRef<string | null>(sync.kind === "offline" ? null : draft?.savedAt ?? null);
  const [queued, setQueued] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const submitted = useRef(false);

  useEffect(() => () => window.clearTimeout(timer.current), []);
  const change = (next: JsonRecord) => {
    setData(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      if (submitted.current) return;
      setSaved({ state: "saving" });
      api<{ savedAt: string }>("PUT", `/api/services/${serviceId}/draft`, { data: next }).then(
        r => { base.current = r.savedAt; dropDeviceDraft(account, serviceId); setSaved({ state: "saved", text: when(locale, r.savedAt) }); },
        (e: unknown) => {
          if (e instanceof ApiProblem && e.status === 0) { keepOnDevice(account, serviceId, next, base.current); setSaved({ state: "offline" }); }
          else setSaved({ state: "failed", text: e instanceof Error ? e.message : String(e) });
        },
      );
    }, draftDelayMs);
  };
  // Back online with a copy kept here: hand it to the server by the rule in device-drafts.ts.
  useEffect(() => {
    const online = () => {
      if (submitted.current) return;
      void syncDraft(account, serviceId).then(r => {
        if (r.kind === "pushed") { base.current = r.draft.savedAt; setSaved({ state: "saved", text: when(locale, r.draft.savedAt) }); }
        if (r.kind === "serverNewer") { base.current = r.draft.savedAt; setData(r.draft.data); setSaved({ state: "failed", text: say(locale, "draftServerNewer", when(locale, r.draft.savedAt)) }); }
      }, () => undefined);
    };
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [account, serviceId, locale]);

  const key = useMemo(() => ({ current: newIdempotencyKey() }), []);
  const submit = async () => {
    setBusy(true);
    setProblem(null);
    window.clearTimeout(timer.current);
    try {
      // A survey or vote takes answers, not cases: no case is made, and the results page says thanks.
      if (service.submissions === "responses") {
        await api<Receipt>("POST", `/api/services/${serviceId}/responses`, { data });
        submitted.current = true;
        await api("DELETE", `/api/services/${serviceId}/draft`).catch(() => undefined);
        navigate(`/services/${serviceId}/results?answered=1`);
        return;
      }
      const created = await api<Case>("POST", `/api/services/${serviceId}/cases`, { data }, { "Idempotency-Key": key.current });
      submitted.current = true;
      // The application is in: its draft would otherwise come back as a new application next time. A failure here
      // leaves only a stale draft behind, so it does not hold up the worker.
      await api("DELETE", `/api/services/${serviceId}/draft`).catch(() => undefined);
      navigate(`/cases/${created.id}?submitted=${encodeURIComponent(created.number)}`);
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 0 && service.submissions !== "responses") {
        // Offline: the application waits on this device with this attempt's key, and is sent once when back online.
        submitted.current = true;
        enqueue(account, { serviceId, data, idempotencyKey: key.current });
        dropDeviceDraft(account, serviceId);
        setQueued(true);
        if (navigator.onLine) void flushQueue(account);
        return;
      }
      if (e instanceof ApiProblem && e.errors.length) { setServerErrors(e.errors); setProblem(say(locale, "fixBelow")); }
      else if (e instanceof ApiProblem && e.rule && policyWords[e.rule]) setProblem(say(locale, policyWords[e.rule]!));
      else setProblem(say(locale, "submitFailed", e instanceof Error ? e.message : String(e)));
      // The server refused or failed: the next attempt is a new request.
      key.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <h2>{labelOf(service.name, locale)}</h2>
      {draft && sync.kind !== "serverNewer" && <NoticeBar content={say(locale, "draftRestored", when(locale, draft.savedAt))} color="info" />}
      {sync.kind === "serverNewer" && <NoticeBar content={say(locale, "draftServerNewer", when(locale, sync.draft.savedAt))} color="alert" />}
      <p className="pf-muted" aria-live="polite" data-testid="draft-status">
        {saved.state === "saving" ? say(locale, "draftSaving")
          : saved.state === "saved" ? say(locale, "draftSaved", saved.text ?? "")
          : saved.state === "offline" ? say(locale, "draftKeptOffline")
          : saved.state === "failed" ? say(locale, "draftFailed", saved.text ?? "") : ""}
      </p>
      {queued && <p className="pf-offline" role="status">{say(locale, "queuedOffline")}</p>}
      {problem && <p className="pf-error" role="alert">{problem}</p>}
      {service.responses && <ResponseNotice serviceId={serviceId} facts={service.responses} />}
      {!queued && (!service.responses || (service.responses.window === "open" && !service.responses.answered)) && <FormView runtime={runtime} data={data} onChange={change} locale={locale} serverErrors={serverErrors}
        services={{ orgs, ...fileServices }} onSubmit={() => void submit()} busy={busy} />}
      <Button fill="none" onClick={() => navigate("/")}>{say(locale, "back")}</Button>
    </section>
  );
}
