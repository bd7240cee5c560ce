#!/usr/bin/env node
// Writes src/api/openapi-types.ts from src/api/openapi.json: one exported type per schema of the server's OpenAPI
// document, so the browser code never copies an API shape by hand. `--check` only compares and fails when stale.
//
// Why not openapi-typescript: it builds its output with the TypeScript compiler API, which TypeScript 7 (the
// compiler this project uses) no longer ships, and a second TypeScript just for it would be a package version
// outside the project's list. The document uses a small part of JSON Schema, which this file covers whole and
// refuses anything else, so a new construct fails loudly instead of turning into `unknown`.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const documentPath = join(here, "../src/api/openapi.json");
export const typesPath = join(here, "../src/api/openapi-types.ts");

const known = new Set(["type", "format", "pattern", "$ref", "oneOf", "enum", "properties", "required", "items",
  "additionalProperties", "description", "default"]);
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function typeOf(schema, where) {
  const unknownKeys = Object.keys(schema).filter((k) => !known.has(k));
  if (unknownKeys.length > 0) throw new Error(`${where}: schema keywords ${unknownKeys.join(", ")} are not covered`);
  if (schema.$ref) return schema.$ref.replace("#/components/schemas/", "");
  if (schema.oneOf) return union(schema.oneOf.map((s, i) => typeOf(s, `${where}/oneOf/${i}`)));
  if (schema.enum) return union(schema.enum.map((v) => JSON.stringify(v)));
  if (schema.type === undefined) return "unknown";
  let types = Array.isArray(schema.type) ? schema.type : [schema.type];
  // Numbers the server also reads from strings (a pattern says which) are written as numbers: type what it sends.
  if (schema.pattern && types.includes("string") && types.some((t) => t === "integer" || t === "number")) types = types.filter((t) => t !== "string");
  return union(types.map((t) => single(t, schema, where)));
}

function single(type, schema, where) {
  switch (type) {
    case "string": return "string";
    case "integer": case "number": return "number";
    case "boolean": return "boolean";
    case "null": return "null";
    case "array": return schema.items ? `${wrap(typeOf(schema.items, `${where}/items`))}[]` : "unknown[]";
    case "object": return objectType(schema, where);
    default: throw new Error(`${where}: type ${type} is not covered`);
  }
}

function objectType(schema, where) {
  const required = new Set(schema.required ?? []);
  const lines = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const key = identifier.test(name) ? name : JSON.stringify(name);
    const doc = property.description ? `/** ${property.description} */ ` : "";
    return `${doc}${key}${required.has(name) ? "" : "?"}: ${typeOf(property, `${where}/${name}`)};`;
  });
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== false) lines.push(`[key: string]: ${extra === true ? "unknown" : typeOf(extra, `${where}/additionalProperties`)};`);
  if (lines.length === 0) return "{ [key: string]: unknown }";
  return `{\n${lines.map((l) => `  ${l}`).join("\n")}\n}`;
}

const union = (types) => [...new Set(types)].join(" | ");
const wrap = (type) => (/^[\w"]+$/.test(type) ? type : `(${type})`);

/** The TypeScript source for a parsed OpenAPI document. */
export function openApiTypes(document) {
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const body = schemas.map(([name, schema]) => {
    const doc = schema.description ? `/** ${schema.description} */\n` : "";
    return `${doc}export type ${name} = ${typeOf(schema, name)};\n`;
  });
  return [
    "// Generated from src/api/openapi.json by scripts/openapi-types.mjs: do not edit.",
    "// Refresh both with `npm run api:refresh` (designer/README.md, \"API types\").",
    "",
    ...body,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const expected = openApiTypes(JSON.parse(readFileSync(documentPath, "utf8")));
  if (process.argv.includes("--check")) {
    const current = readFileSync(typesPath, "utf8");
    if (current !== expected) {
      console.error("src/api/openapi-types.ts is stale against src/api/openapi.json: run npm run api:generate");
      process.exit(1);
    }
  } else {
    writeFileSync(typesPath, expected);
  }
}
