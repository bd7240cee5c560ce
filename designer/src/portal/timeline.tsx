import type { Locale } from "../forms";
import type { Case } from "./api-types";
import { say, when } from "./i18n";

/** What happened to a case and where it is now: each step, who holds it, its deadline. */
export function Timeline({ item, locale }: { item: Case; locale: Locale }) {
  return (
    <>
      {item.openSteps.length > 0 && (
        <div className="pf-card">
          <h3>{say(locale, "currentSteps")}</h3>
          <ul className="pf-plain">
            {item.openSteps.map(step => (
              <li key={`${step.activityId}-${step.taskId ?? ""}`} className={step.overdue ? "pf-overdue" : undefined}>
                <strong>{step.title}</strong>
                {step.assignee && <div>{say(locale, "heldBy", step.assignee.role, step.assignee.orgName ?? "")}</div>}
                {step.dueAt && <div>{say(locale, "due", when(locale, step.dueAt))}{step.overdue && <strong> · {say(locale, "overdue")}</strong>}</div>}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="pf-card">
        <h3>{say(locale, "timeline")}</h3>
        <ol className="pf-timeline">
          {item.timeline.map((entry, i) => (
            <li key={i}>
              <time dateTime={entry.at}>{when(locale, entry.at)}</time>
              <div><strong>{entry.title ?? entry.kind}</strong>{entry.outcome && <> · {entry.outcome}</>}</div>
              {entry.by && <div className="pf-muted">{entry.by}</div>}
              {typeof entry.detail?.comment === "string" && <div className="pf-muted">{entry.detail.comment}</div>}
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}
