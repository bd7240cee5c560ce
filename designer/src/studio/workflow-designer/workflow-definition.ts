/** The workflow definition JSON (engine/FormFlow.Engine/Workflows/README.md, "Definition format"). */
export type InputValue = unknown;

export interface ActivityLayout { x: number; y: number; width?: number; height?: number }

export interface ActivityDefinition {
  id: string;
  type: string;
  name?: string;
  inputs?: Record<string, InputValue>;
  layout?: ActivityLayout;
  [other: string]: unknown;
}

export interface ConnectionDefinition { source: string; outcome?: string; target: string }

export interface WorkflowDefinition {
  id: string;
  version?: number;
  name?: string;
  variables?: { name: string; type?: string; default?: unknown }[];
  activities: ActivityDefinition[];
  connections: ConnectionDefinition[];
  [other: string]: unknown;
}

/** `{"expression": "..."}` with no other member: the only shape of an expression input. */
export function isExpression(value: unknown): value is { expression: string } {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    && Object.keys(value).length === 1 && typeof (value as { expression?: unknown }).expression === "string";
}

/**
 * What the designer calls an activity: its title when it is plain text; a title computed by an expression (e.g. the
 * legal template's "法律咨询：" + the applicant's name) is only known per case, so the name or ID stands in.
 */
export function activityTitle(activity: ActivityDefinition): string {
  const title = activity.inputs?.title;
  return typeof title === "string" && title ? title : activity.name ?? activity.id;
}

export function outcomeOf(connection: ConnectionDefinition): string {
  return connection.outcome ?? "done";
}
