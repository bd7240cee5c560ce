/**
 * A generated API type with some properties narrowed. The OpenAPI document can only call a form definition, form
 * data or a text-by-locale `JsonNode`/`JsonObject`; where the browser knows more, it says so here, property by
 * property, and keeps every other property as generated.
 */
export type Refine<Generated, Narrowed extends { [K in keyof Narrowed]: K extends keyof Generated ? unknown : never }> =
  Omit<Generated, keyof Narrowed> & Narrowed;

/** Text the server sends plain or by locale ({"zh-CN": ..., "en": ...}). */
export type Text = string | Record<string, string>;
