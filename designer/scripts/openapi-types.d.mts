// Types for scripts/openapi-types.mjs, which the freshness test imports.
export const documentPath: string;
export const typesPath: string;
export function openApiTypes(document: unknown): string;
