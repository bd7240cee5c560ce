import { portsOf } from "./activity-ports";
import { defaultInputs } from "./activity-registry";
import { outcomeOf, type ActivityDefinition, type ConnectionDefinition, type WorkflowDefinition } from "./workflow-definition";

/**
 * Pure edits of a workflow definition: each returns a new definition and leaves the one it was given alone,
 * so the history can keep every state.
 */

/** A fresh activity ID from the type: review, review2, review3 ... */
export function freshId(workflow: WorkflowDefinition, base: string): string {
  const taken = new Set(workflow.activities.map((a) => a.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}

export function addActivity(workflow: WorkflowDefinition, type: string, position: { x: number; y: number }): { workflow: WorkflowDefinition; id: string } {
  const id = freshId(workflow, type);
  const defaults = defaultInputs(type);
  const activity: ActivityDefinition = { id, type, ...(defaults ? { inputs: defaults } : {}), layout: { x: Math.round(position.x), y: Math.round(position.y) } };
  return { workflow: { ...workflow, activities: [...workflow.activities, activity] }, id };
}

/**
 * Connects a port to a target. A port holds one connection (a fork's done port many), so a new connection on a taken
 * port replaces the old one. Connecting a port that the activity does not have is refused.
 */
export function connect(workflow: WorkflowDefinition, source: string, outcome: string, target: string): WorkflowDefinition {
  const from = workflow.activities.find((a) => a.id === source);
  if (!from || !workflow.activities.some((a) => a.id === target)) return workflow;
  if (!portsOf(from).includes(outcome)) return workflow;
  const many = from.type === "fork";
  const kept = workflow.connections.filter((c) => !(c.source === source && outcomeOf(c) === outcome && (!many || c.target === target)));
  const connection: ConnectionDefinition = outcome === "done" ? { source, target } : { source, outcome, target };
  return { ...workflow, connections: [...kept, connection] };
}

export function connectionKey(c: ConnectionDefinition): string {
  return `${c.source}:${outcomeOf(c)}->${c.target}`;
}

export function removeConnections(workflow: WorkflowDefinition, keys: ReadonlySet<string>): WorkflowDefinition {
  return { ...workflow, connections: workflow.connections.filter((c) => !keys.has(connectionKey(c))) };
}

/** Removes activities with every connection that touches them. */
export function removeActivities(workflow: WorkflowDefinition, ids: ReadonlySet<string>): WorkflowDefinition {
  return {
    ...workflow,
    activities: workflow.activities.filter((a) => !ids.has(a.id)),
    connections: workflow.connections.filter((c) => !ids.has(c.source) && !ids.has(c.target)),
  };
}

export function moveActivities(workflow: WorkflowDefinition, positions: ReadonlyMap<string, { x: number; y: number }>): WorkflowDefinition {
  return {
    ...workflow,
    activities: workflow.activities.map((a) => {
      const p = positions.get(a.id);
      return p ? { ...a, layout: { ...a.layout, x: Math.round(p.x), y: Math.round(p.y) } } : a;
    }),
  };
}

/** Sets (or with undefined removes) one input; connections from ports the activity no longer has are dropped. */
export function setInput(workflow: WorkflowDefinition, id: string, name: string, value: unknown): WorkflowDefinition {
  let changed: ActivityDefinition | undefined;
  const activities = workflow.activities.map((a) => {
    if (a.id !== id) return a;
    const inputs = { ...a.inputs };
    if (value === undefined) delete inputs[name];
    else inputs[name] = value;
    changed = { ...a, inputs };
    return changed;
  });
  if (!changed) return workflow;
  const ports = new Set(portsOf(changed));
  return { ...workflow, activities, connections: workflow.connections.filter((c) => c.source !== id || ports.has(outcomeOf(c))) };
}

/** Renames an activity and its connections; refused (unchanged) when the new ID is taken or not an ID. */
export function renameActivity(workflow: WorkflowDefinition, id: string, next: string): WorkflowDefinition {
  if (!/^[A-Za-z0-9_.:-]+$/.test(next) || workflow.activities.some((a) => a.id === next)) return workflow;
  const swap = (x: string) => (x === id ? next : x);
  return {
    ...workflow,
    activities: workflow.activities.map((a) => (a.id === id ? { ...a, id: next } : a)),
    connections: workflow.connections.map((c) => ({ ...c, source: swap(c.source), target: swap(c.target) })),
  };
}

export interface Clipboard { activities: ActivityDefinition[]; connections: ConnectionDefinition[] }

/** The selected activities and the connections between them. */
export function copySelection(workflow: WorkflowDefinition, ids: ReadonlySet<string>): Clipboard {
  return {
    activities: structuredClone(workflow.activities.filter((a) => ids.has(a.id))),
    connections: structuredClone(workflow.connections.filter((c) => ids.has(c.source) && ids.has(c.target))),
  };
}

/** Pastes copies with fresh IDs, shifted so they do not cover the originals; returns the new IDs. */
export function paste(workflow: WorkflowDefinition, clipboard: Clipboard, shift = 40): { workflow: WorkflowDefinition; ids: string[] } {
  let next = workflow;
  const renamed = new Map<string, string>();
  for (const activity of clipboard.activities) {
    const id = freshId(next, activity.id);
    renamed.set(activity.id, id);
    const layout = { x: (activity.layout?.x ?? 0) + shift, y: (activity.layout?.y ?? 0) + shift };
    next = { ...next, activities: [...next.activities, { ...structuredClone(activity), id, layout }] };
  }
  const connections = clipboard.connections.map((c) => ({ ...c, source: renamed.get(c.source)!, target: renamed.get(c.target)! }));
  return { workflow: { ...next, connections: [...next.connections, ...connections] }, ids: [...renamed.values()] };
}
