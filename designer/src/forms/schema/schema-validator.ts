import { hasOwn, isRecord, jsonEquals, type JsonData, type JsonRecord } from "../json-data";
import { decimalPlaces } from "../money";
import { formatChecks } from "./formats";
import { LinearPattern } from "../../patterns/linear-pattern";

/**
 * A JSON Schema validator for exactly the subset FormSchemaCompiler emits — interpreted, never compiled to code, so
 * it runs under a strict Content-Security-Policy (ajv generates functions with `new Function`, which such a policy
 * forbids). Like JsonSchema.Net it evaluates every keyword and reports each failing one with its instance path.
 * A schema using any other keyword is refused up front rather than half-checked.
 */
export interface SchemaError {
  /** JSON Pointer of the failing value. */
  path: string;
  keyword: string;
  /** The keyword's value in the schema (a bound, a type name), for the message. */
  argument: JsonData;
}

const annotations = new Set(["$schema", "$id", "title", "description", "readOnly"]);
const validations = new Set([
  "type", "enum", "minimum", "maximum", "multipleOf", "minLength", "maxLength", "pattern", "format",
  "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems",
]);

export class SchemaValidator {
  private readonly patterns = new Map<string, LinearPattern>();

  constructor(private readonly schema: JsonRecord) {
    this.checkKeywords(schema, "");
  }

  validate(instance: JsonData): SchemaError[] {
    const errors: SchemaError[] = [];
    this.evaluate(this.schema, instance, "", errors);
    return errors;
  }

  private checkKeywords(schema: JsonRecord, at: string): void {
    for (const keyword of Object.keys(schema)) {
      if (!annotations.has(keyword) && !validations.has(keyword)) throw new Error(`schema ${at || "/"}: the keyword '${keyword}' is not supported`);
    }
    if (typeof schema.pattern === "string" && !this.patterns.has(schema.pattern)) this.patterns.set(schema.pattern, new LinearPattern(schema.pattern));
    if (typeof schema.format === "string" && !hasOwn(formatChecks, schema.format)) throw new Error(`schema ${at || "/"}: unknown format '${schema.format}'`);
    if (isRecord(schema.properties)) for (const key of Object.keys(schema.properties)) this.checkKeywords(schema.properties[key] as JsonRecord, `${at}/properties/${key}`);
    if (isRecord(schema.items)) this.checkKeywords(schema.items, `${at}/items`);
  }

  private evaluate(schema: JsonRecord, value: JsonData, path: string, errors: SchemaError[]): void {
    const fail = (keyword: string) => errors.push({ path, keyword, argument: schema[keyword] });
    if (typeof schema.type === "string" && !hasType(value, schema.type)) fail("type");
    if (Array.isArray(schema.enum) && !schema.enum.some((option) => jsonEquals(option, value))) fail("enum");
    if (typeof value === "number") {
      if (typeof schema.minimum === "number" && value < schema.minimum) fail("minimum");
      if (typeof schema.maximum === "number" && value > schema.maximum) fail("maximum");
      if (schema.multipleOf === 0.01 && decimalPlaces(value) > 2) fail("multipleOf");
    }
    if (typeof value === "string") {
      if (typeof schema.minLength === "number" || typeof schema.maxLength === "number") {
        const length = textElements(value);
        if (typeof schema.minLength === "number" && length < schema.minLength) fail("minLength");
        if (typeof schema.maxLength === "number" && length > schema.maxLength) fail("maxLength");
      }
      if (typeof schema.pattern === "string" && !this.patterns.get(schema.pattern)!.test(value)) fail("pattern");
      if (typeof schema.format === "string" && !formatChecks[schema.format](value)) fail("format");
    }
    if (Array.isArray(value)) {
      if (typeof schema.minItems === "number" && value.length < schema.minItems) fail("minItems");
      if (typeof schema.maxItems === "number" && value.length > schema.maxItems) fail("maxItems");
      if (schema.uniqueItems === true && hasDuplicates(value)) fail("uniqueItems");
      if (isRecord(schema.items)) value.forEach((item, i) => this.evaluate(schema.items as JsonRecord, item, `${path}/${i}`, errors));
    }
    if (isRecord(value)) {
      if (Array.isArray(schema.required) && schema.required.some((key) => !hasOwn(value, key as string))) fail("required");
      const properties = isRecord(schema.properties) ? schema.properties : {};
      for (const key of Object.keys(value)) {
        if (hasOwn(properties, key)) this.evaluate(properties[key] as JsonRecord, value[key], `${path}/${escapePointer(key)}`, errors);
      }
      if (schema.additionalProperties === false && Object.keys(value).some((key) => !hasOwn(properties, key))) fail("additionalProperties");
    }
  }
}

function hasType(value: JsonData, type: string): boolean {
  switch (type) {
    case "string": return typeof value === "string";
    case "number": return typeof value === "number";
    case "integer": return typeof value === "number" && Number.isInteger(value);
    case "boolean": return typeof value === "boolean";
    case "array": return Array.isArray(value);
    case "object": return isRecord(value);
    case "null": return value === null;
    default: return false;
  }
}

const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : undefined;

/** String length as JsonSchema.Net 8 counts it: text elements (grapheme clusters), so "👍🏽" is one character. */
export function textElements(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  if (!segmenter) return [...text].length;
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

function hasDuplicates(items: JsonData[]): boolean {
  for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) if (jsonEquals(items[i], items[j])) return true;
  return false;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
