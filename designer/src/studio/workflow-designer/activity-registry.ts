import type { ActivityDescriptor, InputDescriptor } from "../../api/openapi-types";

/**
 * The engine's activity registry as the server serves it (GET /api/activities): types, inputs with kinds and
 * defaults, fixed outcome ports, palette category and labels by locale. It is read once per page, before any
 * workflow designer renders (ActivityRegistryGate), and never written in the browser, so the palette and the property
 * panels cannot drift from the engine. Only looks (colours) live in activity-catalog.ts.
 */
export type ActivitySpec = ActivityDescriptor;
export type InputSpec = InputDescriptor;
export type { InputKind } from "../../api/openapi-types";

let served: readonly ActivitySpec[] = [];
let byType = new Map<string, ActivitySpec>();

/** Installs the served registry; the gate calls it once the answer arrives, tests with the checked-in copy. */
export function installActivities(descriptors: readonly ActivitySpec[]): void {
  served = descriptors;
  byType = new Map(descriptors.map((spec) => [spec.type, spec]));
}

export function activitySpecs(): readonly ActivitySpec[] {
  return served;
}

/** The activities the palette offers: those the server runs (one that needs a host service the server lacks would be refused at publish). */
export function offeredActivitySpecs(): readonly ActivitySpec[] {
  return served.filter((spec) => !spec.needsHost);
}

export function activitySpec(type: string): ActivitySpec | undefined {
  return byType.get(type);
}

/** The inputs a new activity of this type starts with, so that it validates once connected (the engine's defaults). */
export function defaultInputs(type: string): Record<string, unknown> | undefined {
  const withDefault = activitySpec(type)?.inputs.filter((input) => input.default !== undefined && input.default !== null) ?? [];
  return withDefault.length > 0 ? Object.fromEntries(withDefault.map((input) => [input.name, structuredClone(input.default)])) : undefined;
}
