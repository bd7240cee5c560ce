import { NoticeBar } from "antd-mobile";
import { useMemo, useState } from "react";
import { FormRuntime, loadForm, type FieldAccess, type FormError, type JsonRecord } from "../../forms";
import { FormView } from "../../form-view";
import { api, ApiProblem, fileServices, get } from "../api";
import type { Case } from "../api-types";
import { CaseStatus } from "../case-status";
import { labelOf, say } from "../i18n";
import { PageState } from "../page-state";
import { Timeline } from "../timeline";
import { useSession } from "../session";
import { useLoad } from "../use-load";
import { useOrgOptions } from "../use-org-options";

/** One of my cases: status, timeline, open steps; when the case waits for me, the requested fields to answer. */
export function CasePage({ caseId }: { caseId: string }) {
  const { locale } = useSession();
  const loaded = useLoad(() => get<Case>(`/api/cases/${caseId}`), [caseId]);
  const submittedNumber = new URLSearchParams(window.location.search).get("submitted");
  return (
    <section>
      <PageState {...loaded}>{() => {
        const item = loaded.value!;
        return (
          <>
            {submittedNumber && <NoticeBar content={say(locale, "submitted", submittedNumber)} color="success" />}
            <h2>{labelOf(item.serviceName, locale)}</h2>
            <p>{item.number} <CaseStatus status={item.status} locale={locale} /></p>
            {item.status === "waitingForApplicant" && item.requestInformation && <Resubmit item={item} onDone={loaded.reload} />}
            <Timeline item={item} locale={locale} />
          </>
        );
      }}</PageState>
    </section>
  );
}

/** The "request information" answer: the fields asked for are editable, the rest read-only; the server re-checks. */
function Resubmit({ item, onDone }: { item: Case; onDone: () => void }) {
  const { locale } = useSession();
  const runtime = useMemo(() => new FormRuntime(loadForm(item.form)), [item.form]);
  const orgs = useOrgOptions();
  const [data, setData] = useState<JsonRecord>(item.data);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = item.requestInformation!.fields;
  const permissions = useMemo(() => {
    if (!asked?.length) return undefined;
    const all: Record<string, FieldAccess> = {};
    for (const page of runtime.definition.pages) for (const s of page.sections) for (const f of s.fields)
      if (f.key) all[f.key] = asked.includes(f.key) ? "edit" : "read";
    return all;
  }, [runtime, asked]);
  const send = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api("POST", `/api/cases/${item.id}/resubmit`, { data });
      onDone();
    } catch (e) {
      if (e instanceof ApiProblem && e.errors.length) setErrors(e.errors);
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="pf-card pf-attention">
      <h3>{say(locale, "requestInfo")}</h3>
      <p>{item.requestInformation!.message}</p>
      {problem && <p className="pf-error" role="alert">{problem}</p>}
      <FormView runtime={runtime} data={data} onChange={setData} locale={locale} permissions={permissions} previousData={item.data}
        serverErrors={errors} services={{ orgs, ...fileServices }} onSubmit={() => void send()} submitLabel={say(locale, "resubmit")} busy={busy} allPages />
    </div>
  );
}
