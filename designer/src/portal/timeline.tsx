import type { Locale } from "../forms";
import type { Case, TimelineEntry } from "./api-types";
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
              <div><strong>{handOffText(entry, locale) ?? entry.title ?? entry.kind}</strong>{entry.outcome && <> · {entry.outcome}</>}</div>
              {entry.by && <div className="pf-muted">{entry.by}</div>}
              {typeof entry.detail?.comment === "string" && <div className="pf-muted">{entry.detail.comment}</div>}
              {(entry.kind === "handedDown" || entry.kind === "handedOff") && typeof entry.detail?.reason === "string" && <div className="pf-muted">{entry.detail.reason}</div>}
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}

/** A hand-off's line: down (by a handler, with the units' names and the deadline) or up (by the workflow). */
function handOffText(entry: TimelineEntry, locale: Locale): string | null {
  const d = entry.detail as Record<string, unknown> | null | undefined;
  if (entry.kind === "handedDown" && typeof d?.toName === "string")
    return say(locale, "handedDown", String(d.fromName ?? ""), d.toName, String(d.deadline ?? ""));
  if (entry.kind === "handedOff" || entry.kind === "handedDown") return say(locale, "handedOff");
  return null;
}
