import { ExpressionError } from "./errors";

/**
 * Values inside the interpreter are plain JavaScript values: JSON data as parsed, arrays, plain objects built from
 * literals, and, when an expression reads a method without calling it, the built-in function itself (never called
 * by the interpreter except through the allowed-method table). Member reads go through `readMember`, which never
 * hands out a prototype or a constructor.
 */
export type Value = unknown;

/** The type names helper errors use: "got number", "got array". */
export function typeName(value: Value): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "boolean": return "boolean";
    case "string": return "string";
    case "number": return "number";
    default: return "object";
  }
}

/** Members that reach prototypes and constructors, the way out of the sandbox. */
export function isForbiddenMember(name: string): boolean {
  return name === "constructor" || name === "prototype" || (name.length > 4 && name.startsWith("__") && name.endsWith("__"));
}

export function isNullish(value: Value): value is null | undefined {
  return value === null || value === undefined;
}

/** Methods an expression may call on strings and arrays; every other method call is refused (subset-checker.ts). */
export const allowedMethods: ReadonlySet<string> = new Set([
  "includes", "startsWith", "endsWith", "indexOf", "slice", "trim", "toUpperCase", "toLowerCase", "join",
]);

/**
 * The inherited members a computed key can read: the server's built-in prototypes keep only the allowed methods and
 * the conversions JavaScript itself calls (BuiltInLockdown.cs), so `"x"["rep" + "eat"]` is undefined on both sides.
 */
const readableInherited: ReadonlySet<string> = new Set([...allowedMethods, "toString", "valueOf"]);

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * obj[key] with JavaScript's rules for own data and inherited built-in methods. Reading null or undefined throws the
 * TypeError JavaScript would; prototypes and constructors read as undefined whatever key computes them.
 */
export function readMember(target: Value, key: string): Value {
  if (target === null || target === undefined) {
    throw new TypeError(`Cannot read properties of ${target === null ? "null" : "undefined"} (reading '${key}')`);
  }
  if (typeof target === "object" && hasOwn.call(target, key)) return (target as Record<string, Value>)[key];
  if (typeof target === "string") {
    if (key === "length") return target.length;
    if (isArrayIndex(key)) return Number(key) < target.length ? target[Number(key)] : undefined;
  }
  if (typeof target === "function" || isForbiddenMember(key) || !readableInherited.has(key)) return undefined;
  // The built-in methods the server keeps (trim, join, toString ...): reading one gives the function, as in JavaScript.
  const inherited = (Object(target) as Record<string, Value>)[key];
  return typeof inherited === "function" ? inherited : undefined;
}

function isArrayIndex(key: string): boolean {
  return /^(0|[1-9][0-9]*)$/.test(key);
}

/** The property key JavaScript derives from a computed member value (data[1] reads "1"). */
export function propertyKey(value: Value): string {
  if (typeof value === "symbol") throw new TypeError("Cannot convert a Symbol value to a string");
  return String(value);
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * The result as JSON, following JSON.stringify: undefined, functions, NaN and ±Infinity become null (or are left out
 * of objects), -0 becomes 0. Nesting deeper than maxDepth, or an array longer than maxArrayLength, is a limit
 * error, as on the server.
 */
export function toJson(value: Value, maxDepth: number, maxArrayLength: number, depth = 0): JsonValue {
  if (depth > maxDepth) throw new ExpressionError("limit", `the result is nested more than ${maxDepth} levels deep`);
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    case "object": {
      if (value === null) return null;
      if (Array.isArray(value)) {
        if (value.length > maxArrayLength) {
          throw new ExpressionError("limit", `the result has an array of ${value.length} items; at most ${maxArrayLength} are allowed`);
        }
        return value.map((item) => toJson(item, maxDepth, maxArrayLength, depth + 1));
      }
      const result: { [key: string]: JsonValue } = {};
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, Value>)[key];
        if (item === undefined || typeof item === "function") continue;
        Object.defineProperty(result, key, { value: toJson(item, maxDepth, maxArrayLength, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    default:
      return null;
  }
}
