import { portsOf } from "./activity-ports";
import type { ActivityDefinition } from "./workflow-definition";

export const nodeWidth = 190;

/** Tall enough for one labelled port per outcome. */
export function nodeHeight(activity: ActivityDefinition): number {
  return Math.max(64, 40 + portsOf(activity).length * 18);
}

/**
 * The box ActivityNode draws around that content: 8 px padding each side, a 6 px left and 2 px right border; 6 px
 * padding and 2 px borders top and bottom.
 */
export function nodeBox(activity: ActivityDefinition): { width: number; height: number } {
  return { width: nodeWidth + 24, height: nodeHeight(activity) + 16 };
}

/** Where ActivityNode draws an outcome's port, from the box's top: the port's label row starts 34 px below the padding edge. */
export function portTop(index: number): number {
  return 34 + index * 18;
}
