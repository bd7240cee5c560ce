import { describe, expect, test } from "vitest";
import { ExpressionEngine, ExpressionError } from "../../src/expressions";

/** Hostile sources and data end with a clear ExpressionError of the right kind — never a hang, a crash or a leak. */
const engine = new ExpressionEngine({ maxSourceLength: 200_000 });

function failure(run: () => unknown): ExpressionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error("expected an ExpressionError");
}

describe("deep nesting", { timeout: 60_000 }, () => {
  const levels = 10_000;
  test.each([
    ["arrays", "[".repeat(levels) + "1" + "]".repeat(levels)],
    ["parentheses", "(".repeat(levels) + "1" + ")".repeat(levels)],
    ["negations in parentheses", "-(".repeat(levels) + "1" + ")".repeat(levels)],
    ["objects", "({a:".repeat(levels) + "1" + "})".repeat(levels)],
    ["helper calls", "len(".repeat(levels) + "1" + ")".repeat(levels)],
    ["templates", "`${".repeat(levels) + "1" + "}`".repeat(levels)],
  ])("%s nested 10,000 levels deep are a limit error", (_, source) => {
    const error = failure(() => engine.evaluate(source, { data: {} }));
    expect(error.kind).toBe("limit");
    expect(error.message).toMatch(/nested too deeply/);
  });

  test.each([
    ["logical nots", "!".repeat(levels) + "1"],
    ["unary minus", "- ".repeat(levels) + "1"],
    ["optional chains", "data" + "?.a".repeat(levels)],
    ["additions", "1" + "+1".repeat(levels)],
  ])("%s without brackets, 10,000 long, are a limit error", (_, source) => {
    expect(failure(() => engine.evaluate(source, { data: {} })).kind).toBe("limit");
  });

  test("the default source length limit stops a 10,000-level source before parsing", () => {
    const error = failure(() => new ExpressionEngine().evaluate("[".repeat(levels) + "1" + "]".repeat(levels), { data: {} }));
    expect(error.kind).toBe("limit");
    expect(error.message).toMatch(/at most 20000/);
  });

  test("deeply nested data can be read, and a result nested deeper than the limit is refused", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(engine.evaluate("data.a.a.a.a.a !== null", { data: deep as object })).toBe(true);
    expect(failure(() => engine.evaluate("data", { data: deep as object })).kind).toBe("limit");
  });
});

describe("huge strings", { timeout: 60_000 }, () => {
  const tenMegabytes = "a".repeat(10 * 1024 * 1024);

  test("reading and testing a 10 MB string works", () => {
    expect(engine.evaluate("len(data.s)", { data: { s: tenMegabytes } })).toBe(10 * 1024 * 1024);
    expect(engine.evaluate("data.s.includes(\"b\")", { data: { s: tenMegabytes } })).toBe(false);
    expect(engine.evaluate("matches(data.s, \"^a+$\")", { data: { s: tenMegabytes } })).toBe(true);
  });

  test.each([
    ["concatenation", "data.s + data.s"],
    ["a template", "`${data.s}${data.s}`"],
    ["a string method", "data.s.toUpperCase()"],
    ["join", "[data.s, data.s].join(\"\")"],
  ])("building a string over the length limit by %s is a limit error", (_, source) => {
    const error = failure(() => engine.evaluate(source, { data: { s: tenMegabytes } }));
    expect(error.kind).toBe("limit");
    expect(error.message).toMatch(/at most 1048576 are allowed/);
  });

  test("a 10 MB source is refused by its length", () => {
    const error = failure(() => new ExpressionEngine().evaluate(`"${tenMegabytes}"`, {}));
    expect(error.kind).toBe("limit");
  });
});

// Large inputs take seconds on a loaded machine; the limit is what is tested, not the speed.
describe("catastrophic patterns", { timeout: 60_000 }, () => {
  test("matches runs a backtracking-prone pattern in linear time instead of hanging", () => {
    const text = "a".repeat(100_000) + "!";
    expect(engine.evaluate("matches(data.s, \"^(a+)+$\")", { data: { s: text } })).toBe(false);
    expect(engine.evaluate("matches(data.s, \"^(a|aa)*!$\")", { data: { s: text } })).toBe(true);
  });
});

describe("huge arrays", { timeout: 60_000 }, () => {
  const million = Array.from({ length: 1_000_000 }, (_, i) => i % 10);

  test("helpers walk a million items within the default budget", () => {
    expect(engine.evaluate("sum(data.xs)", { data: { xs: million } })).toBe(4_500_000);
    expect(engine.evaluate("count(data.xs)", { data: { xs: million } })).toBe(1_000_000);
  });

  test.each([
    ["sum", "sum(data.xs)"],
    ["a method", "data.xs.indexOf(42)"],
    ["coercion", "data.xs + \"\""],
    ["max over items", "max(data.xs)"],
  ])("%s over more items than the step budget is a limit error", (_, source) => {
    const small = new ExpressionEngine({ maxSteps: 10_000 });
    const error = failure(() => small.evaluate(source, { data: { xs: million } }));
    expect(error.kind).toBe("limit");
    expect(error.message).toMatch(/more than 10000 steps/);
  });

  test.each([
    ["an aggregate", "sum(data.xs)", "runtime", /sum: the array has 1000001 items; at most 1000000 are allowed/],
    ["a method", "data.xs.includes(1)", "runtime", /includes: the array has 1000001 items/],
    ["a coercion", "`${data.xs}`", "runtime", /toString: the array has 1000001 items/],
    ["a result", "data.xs", "limit", /the result has an array of 1000001 items/],
  ])("%s over more than a million items is refused, as on the server", (_, source, kind, message) => {
    const error = failure(() => engine.evaluate(source, { data: { xs: [...million, 1] } }));
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  test("joining a million items past the string limit is a limit error", () => {
    expect(failure(() => engine.evaluate("data.xs.join(\"--\")", { data: { xs: million } })).kind).toBe("limit");
  });
});

describe("prototype and constructor access", () => {
  test.each([
    "data.__proto__", "data.constructor", "data[\"__proto__\"]", "data.name.constructor", "\"\".constructor",
    "data.prototype", "({__proto__: {}})", "({constructor: 1})", "len.constructor", "data.__defineGetter__",
  ])("%s is refused before evaluation", (source) => {
    expect(failure(() => engine.evaluate(source, { data: { name: "x" } })).kind).toBe("disallowed");
  });

  test.each([
    "data[\"__pro\" + \"to__\"]", "data[\"constr\" + \"uctor\"]", "data.name[\"constr\" + \"uctor\"]",
    "[][\"constr\" + \"uctor\"]", "data[\"proto\" + \"type\"]",
  ])("%s computed at run time reads nothing", (source) => {
    expect(engine.evaluate(source, { data: { name: "x" } })).toBeNull();
    expect(engine.evaluate(`typeof ${source}`, { data: { name: "x" } })).toBe("undefined");
  });

  test("a computed key cannot reach a prototype's members or change them", () => {
    expect(failure(() => engine.evaluate("data[\"__pro\" + \"to__\"].polluted", { data: {} })).kind).toBe("runtime");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("JSON data with a __proto__ key is plain data and pollutes nothing", () => {
    const data = JSON.parse("{\"__proto__\": {\"polluted\": true}, \"a\": 1}") as object;
    expect(engine.evaluate("data[\"__pro\" + \"to__\"]", { data })).toEqual({ polluted: true });
    expect(engine.evaluate("data.a", { data })).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("a built-in method can be read (as JavaScript does) but only the allowed ones can be called", () => {
    expect(engine.evaluate("typeof data.name.trim", { data: { name: "x" } })).toBe("function");
    expect(engine.evaluate("data.name.trim", { data: { name: "x" } })).toBeNull();
    expect(failure(() => engine.evaluate("data.name.repeat(1000000000)", { data: { name: "x" } })).kind).toBe("disallowed");
    const error = failure(() => engine.evaluate("data.o.includes(1)", { data: { o: { includes: "x" } } }));
    expect(error.kind).toBe("runtime");
    expect(error.message).toMatch(/Property 'includes' of data\.o is not a function/);
  });

  test("scope names cannot hide helpers or language names", () => {
    expect(failure(() => engine.evaluate("1", { len: 1 })).kind).toBe("disallowed");
    expect(failure(() => engine.evaluate("1", { undefined: 1 })).kind).toBe("disallowed");
    expect(failure(() => engine.evaluate("1", { arguments: 1 })).kind).toBe("disallowed");
  });
});
