/**
 * A JSON Schema check for the keywords the engine's shipped schemas use (module-manifest.schema.json): type, enum,
 * const, required, properties, additionalProperties, items, minItems, uniqueItems, minLength, maxLength, pattern,
 * $ref into #/$defs, allOf, anyOf, not, if/then. Returns one "path: problem" per failure, empty when valid.
 */
export type Schema = Record<string, unknown>;

export function validate(schema: Schema, value: unknown, root: Schema = schema, path = ""): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(`${path || "/"}: ${message}`);
  const sub = (s: unknown, v: unknown, p = path) => validate(s as Schema, v, root, p);
  if (typeof schema.$ref === "string") {
    const target = schema.$ref.replace(/^#\//, "").split("/").reduce<unknown>((node, key) => (node as Schema)[key], root);
    problems.push(...sub(target, value));
  }
  const type = schema.type as string | undefined;
  const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  if (type && !(type === actual || (type === "integer" && Number.isInteger(value)))) { fail(`expected ${type}, got ${actual}`); return problems; }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) fail(`not one of ${JSON.stringify(schema.enum)}`);
  if ("const" in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) fail(`not ${JSON.stringify(schema.const)}`);
  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && value.length < schema.minLength) fail("too short");
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength) fail("too long");
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) fail(`does not match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) fail("items repeat");
    if (schema.items) value.forEach((v, i) => problems.push(...sub(schema.items, v, `${path}/${i}`)));
  }
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) fail(`'${key}' is required`);
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    for (const [key, v] of Object.entries(object)) {
      if (key in properties) problems.push(...sub(properties[key], v, `${path}/${key}`));
      else if (schema.additionalProperties === false) fail(`'${key}' is not allowed`);
      else if (typeof schema.additionalProperties === "object") problems.push(...sub(schema.additionalProperties, v, `${path}/${key}`));
    }
  }
  for (const part of (schema.allOf as unknown[] | undefined) ?? []) problems.push(...sub(part, value));
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((part) => sub(part, value).length === 0)) fail("matches none of anyOf");
  if (schema.not && sub(schema.not, value).length === 0) fail("matches what is not allowed");
  if (schema.if && sub(schema.if, value).length === 0 && schema.then) problems.push(...sub(schema.then, value));
  return problems;
}
