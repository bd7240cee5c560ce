import type { Translate } from "../i18n/i18n";
import { portsOf } from "./activity-ports";
import { activityTitle, outcomeOf, type ActivityDefinition, type ConnectionDefinition, type WorkflowDefinition } from "./workflow-definition";

/**
 * What a screen reader says for the canvas: a step with its type and where each outcome leads
 * ("步骤 审核入会申请（人工审核），结果 approve → 发放会员卡"), a connection with its ends.
 */
export function canvasNames(workflow: WorkflowDefinition, t: Translate, typeLabel: (type: string) => string) {
  const titles = new Map(workflow.activities.map((a) => [a.id, activityTitle(a)]));
  const titleOf = (id: string) => titles.get(id) ?? id;
  return {
    node(activity: ActivityDefinition): string {
      const outcomes = portsOf(activity).map((outcome) => {
        const targets = workflow.connections.filter((c) => c.source === activity.id && outcomeOf(c) === outcome).map((c) => titleOf(c.target));
        return targets.length ? t("wf.outcomeTo", { outcome, target: targets.join(" / ") }) : t("wf.outcomeOpen", { outcome });
      });
      const values = { title: titleOf(activity.id), type: typeLabel(activity.type) };
      return outcomes.length ? t("wf.nodeName", { ...values, outcomes: outcomes.join(t("wf.outcomeSeparator")) }) : t("wf.nodeNameNoOutcome", values);
    },
    edge(connection: ConnectionDefinition): string {
      return t("wf.edgeName", { source: titleOf(connection.source), outcome: outcomeOf(connection), target: titleOf(connection.target) });
    },
    title: titleOf,
  };
}
