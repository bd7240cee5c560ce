import { Button, TextArea } from "antd-mobile";
import { useMemo, useState } from "react";
import { FormRuntime, loadForm, type FormError, type JsonRecord } from "../../forms";
import { FormView } from "../../form-view";
import { api, ApiProblem, fileServices, get } from "../api";
import type { TaskDetail } from "../api-types";
import { labelOf, say } from "../i18n";
import { PageState } from "../page-state";
import { navigate } from "../router";
import { useSession } from "../session";
import { Timeline } from "../timeline";
import { useLoad } from "../use-load";
import { useOrgOptions } from "../use-org-options";
import { maskedFields } from "../masked-fields";
import { RevealCard } from "./reveal-card";
import { HandDownCard } from "./hand-down-card";

/**
 * A task: the case as this step may see it (its field permissions: hidden fields are absent, read fields shown
 * read-only, edit/required fields editable — the task form), and one button per outcome the step offers
 * (approve, reject, return for information, handled offline), with a comment.
 */
export function TaskPage({ taskId }: { taskId: string }) {
  const loaded = useLoad(() => get<TaskDetail>(`/api/tasks/${taskId}`), [taskId]);
  return <PageState {...loaded}>{() => <Working task={loaded.value!} />}</PageState>;
}

function Working({ task }: { task: TaskDetail }) {
  const { locale } = useSession();
  const runtime = useMemo(() => new FormRuntime(loadForm(task.form ?? task.case.form)), [task]);
  const permissions = useMemo(() => knownPermissions(runtime, task.fieldPermissions), [runtime, task.fieldPermissions]);
  const [data, setData] = useState<JsonRecord>(task.case.data);
  const orgs = useOrgOptions();
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FormError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const complete = async (outcome: string) => {
    setBusy(outcome);
    setProblem(null);
    try {
      // Only what this step may change goes back: the case data shown here is masked and filtered for the step.
      const editable = Object.entries(permissions).filter(([, access]) => access === "edit" || access === "required").map(([key]) => key);
      const changes = Object.fromEntries(editable.filter(key => key in data).map(key => [key, data[key]]));
      await api("POST", `/api/tasks/${task.id}/complete`, {
        outcome, data: editable.length ? changes : undefined, comment: comment.trim() || undefined, rowVersion: task.rowVersion,
      });
      navigate("/inbox");
    } catch (e) {
      if (e instanceof ApiProblem) { setErrors(e.errors); setProblem(e.detail ?? e.title); }
      else setProblem(String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section>
      <h2>{task.title} · {labelOf(task.serviceName, locale)}</h2>
      <p>{task.caseNumber}{task.applicant.displayName != null && <> · {say(locale, "applicant")}: {task.applicant.displayName}</>}</p>
      {task.claim && <p className="pf-muted">{say(locale, "claimedBy", task.claim.by.displayName)}</p>}
      <RevealCard caseId={task.caseId} fields={maskedFields(runtime.definition, task.case.data, task.fieldPermissions ?? {})} />
      <FormView runtime={runtime} data={data} onChange={setData} locale={locale} permissions={permissions}
        previousData={task.case.data} serverErrors={errors} services={{ orgs, ...fileServices }} allPages />
      <div className="pf-card">
        <label htmlFor="task-comment">{say(locale, "comment")}</label>
        <TextArea id="task-comment" value={comment} onChange={setComment} autoSize={{ minRows: 2, maxRows: 6 }} />
      </div>
      {problem && <p className="pf-error" role="alert">{problem}</p>}
      <div className="pf-outcomes">
        {task.outcomes.map(o => (
          <Button key={o.id} block size="large" loading={busy === o.id} disabled={busy !== null}
            color={o.id === "approve" ? "primary" : o.id === "reject" ? "danger" : "default"}
            onClick={() => void complete(o.id)}>{labelOf(o.label, locale)}</Button>
        ))}
      </div>
      <HandDownCard taskId={task.id} disabled={busy !== null} />
      <Timeline item={task.case} locale={locale} />
    </section>
  );
}

/**
 * The step's permissions for the form view: those naming a field of the form, and "read" for every field the step
 * does not mention — a reviewer changes only what the step grants. Permissions naming task data that is not a form
 * field (e.g. a review note) are left out: the comment box carries the reviewer's words.
 */
function knownPermissions(runtime: FormRuntime, permissions: TaskDetail["fieldPermissions"]): TaskDetail["fieldPermissions"] {
  const granted = permissions ?? {};
  const result: TaskDetail["fieldPermissions"] = {};
  for (const page of runtime.definition.pages) for (const section of page.sections) for (const field of section.fields) {
    if (!field.key) continue;
    result[field.key] = granted[field.key] ?? granted[field.id] ?? "read";
  }
  return result;
}
