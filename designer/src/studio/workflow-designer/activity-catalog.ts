import type { ActivityCategory } from "../../api/openapi-types";
import type { MessageKey } from "../i18n/messages";

/**
 * What the Studio adds to the served activity registry (activity-registry.ts) and nothing else: the order of the
 * palette's categories, their names and their colours on the canvas. Types, inputs, ports and labels come from the
 * engine (GET /api/activities).
 */
export const categories: readonly { id: ActivityCategory; label: MessageKey; colour: string }[] = [
  { id: "flow", label: "cat.flow", colour: "#8c8c8c" },
  { id: "people", label: "cat.people", colour: "#1677ff" },
  { id: "data", label: "cat.data", colour: "#722ed1" },
  { id: "wait", label: "cat.wait", colour: "#fa8c16" },
  { id: "integration", label: "cat.integration", colour: "#13c2c2" },
  { id: "union", label: "cat.union", colour: "#cf1322" },
];

export function categoryColour(category: ActivityCategory | undefined): string {
  return categories.find((c) => c.id === category)?.colour ?? categories[0].colour;
}
