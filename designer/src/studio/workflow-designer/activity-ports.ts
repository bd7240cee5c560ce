import { activitySpec } from "./activity-registry";
import { isExpression, type ActivityDefinition } from "./workflow-definition";

/** The outcome ports of an activity: fixed ones, a user task's listed outcomes (+ escalate with a deadline), a switch's cases. */
export function portsOf(activity: ActivityDefinition): string[] {
  const inputs = activity.inputs ?? {};
  if (activity.type === "userTask") {
    const outcomes = Array.isArray(inputs.outcomes) ? inputs.outcomes.filter((o): o is string => typeof o === "string") : [];
    return inputs.deadlineDays !== undefined && inputs.deadlineDays !== null ? [...outcomes, "escalate"] : outcomes;
  }
  if (activity.type === "switch") {
    const cases = Array.isArray(inputs.cases) ? inputs.cases : [];
    const named = cases.map((c) => (c as { outcome?: unknown })?.outcome).filter((o): o is string => typeof o === "string" && o.length > 0);
    return [...new Set([...named, "default"])];
  }
  return activitySpec(activity.type)?.outcomes ?? ["done"];
}

/** Every expression source of an activity's inputs, by input name (switch cases as cases/N). */
export function expressionsOf(activity: ActivityDefinition): { input: string; source: string }[] {
  const found: { input: string; source: string }[] = [];
  for (const [name, value] of Object.entries(activity.inputs ?? {})) {
    if (isExpression(value)) found.push({ input: name, source: value.expression });
    if (activity.type === "switch" && name === "cases" && Array.isArray(value)) {
      value.forEach((c, i) => {
        const condition = (c as { condition?: unknown })?.condition;
        if (typeof condition === "string") found.push({ input: `cases/${i}`, source: condition });
        else if (isExpression(condition)) found.push({ input: `cases/${i}`, source: condition.expression });
      });
    }
  }
  return found;
}

/** The names workflow expressions see (Workflows/README.md, "Expressions"). */
export const workflowScopeNames = ["variables", "input", "caseInfo"];
