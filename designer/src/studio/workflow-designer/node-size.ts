import { portsOf } from "./activity-ports";
import type { ActivityDefinition } from "./workflow-definition";

export const nodeWidth = 190;

/** Tall enough for one labelled port per outcome. */
export function nodeHeight(activity: ActivityDefinition): number {
  return Math.max(64, 40 + portsOf(activity).length * 18);
}
