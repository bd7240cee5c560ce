import { describe, expect, test } from "vitest";
import { chinaMainland, ExpressionEngine, ExpressionError, residentIdCheckCharacter } from "../../src/expressions";
import { bracketDepth } from "../../src/expressions/nesting-scan";
import { roundDecimal } from "../../src/expressions/helpers/value-functions";
import { parseDate, writeDate } from "../../src/expressions/helpers/date-text";

const engine = new ExpressionEngine();

describe("check: the server's messages and positions", () => {
  test.each([
    ["for (;;) {}", "loops are not allowed in expressions", 1, 1],
    ["data.x = 1", "assignment is not allowed in expressions", 1, 1],
    ["1 +\n  foo", "unknown name 'foo': expressions can use only their scope names and the helper functions", 2, 3],
    ["data.name.replace(\"a\", \"b\")", "the method 'replace' is not allowed (allowed: includes, startsWith, endsWith, indexOf, slice, trim, toUpperCase, toLowerCase, join)", 1, 11],
    ["1; 2", "only one expression is allowed (combine conditions with && or ?:)", 1, 4],
    ["data.x > 1;", "an expression must not end with ';'", 1, 11],
    ["// nothing", "the source has no expression (only comments)", 1, 1],
    ["foo.replace(1)", "the method 'replace' is not allowed (allowed: includes, startsWith, endsWith, indexOf, slice, trim, toUpperCase, toLowerCase, join)", 1, 5],
    ["if (data.x) 1", "'if' statements are not allowed in expressions (use condition ? a : b)", 1, 1],
    ["data[\"constructor\"]", "the member 'constructor' is not accessible in expressions", 1, 6],
    ["len", "the helper 'len' can only be called, as len(...)", 1, 1],
    ["/a/.test(\"a\")", "regular expression literals are not allowed in expressions (use matches(text, pattern))", 1, 1],
  ])("%s", (source, message, line, column) => {
    expect(engine.check(source)[0]).toEqual({ message, line, column });
  });

  test("an allowed expression has no problems, and the scope decides which names are known", () => {
    expect(engine.check("age(data.birth) >= 18 && item.qty > index")).toEqual([]);
    expect(engine.check("data.a", ["item"])[0].message).toMatch(/unknown name 'data'/);
  });

  test("a syntax error names the position", () => {
    const [problem] = engine.check("(1 + 2");
    expect(problem.message).toMatch(/^syntax error: /);
    expect(problem.line).toBe(1);
  });
});

describe("resident ID check character (ISO 7064 MOD 11-2)", () => {
  test.each([["11010519491231002", "X"], ["44030519900307123", "6"], ["4403051990030712", null], ["4403051990030712a", null]])(
    "%s -> %s", (first17, expected) => expect(residentIdCheckCharacter(first17)).toBe(expected));
});

describe("round at the shortest decimal form, half away from zero", () => {
  test.each([[1.005, 2, 1.01], [2.345, 2, 2.35], [9.995, 2, 10], [-2.5, 0, -3], [1e-7, 2, 0], [1.5e21, 0, 1.5e21], [123.456, 0, 123]])(
    "round(%s, %s) = %s", (x, digits, expected) => expect(roundDecimal(x, digits)).toBe(expected));
});

describe("dates", () => {
  test("yyyy-MM-dd only, real dates only, a datetime counts by its date part", () => {
    expect(parseDate("2024-02-29")).not.toBeNull();
    expect(parseDate("2026-02-29")).toBeNull();
    expect(parseDate("2026-3-01")).toBeNull();
    expect(writeDate(parseDate("2026-03-01T23:30:00+08:00")!)).toBe("2026-03-01");
    expect(writeDate(parseDate("0001-01-01")!)).toBe("0001-01-01");
  });

  test("the mainland calendar comes from module-templates/calendars: Spring Festival 2026 is off, 14 February is worked", () => {
    expect(chinaMainland.isWorkingDay(parseDate("2026-02-16")!)).toBe(false);
    expect(chinaMainland.isWorkingDay(parseDate("2026-02-14")!)).toBe(true);
    expect(chinaMainland.isWorkingDay(parseDate("2027-10-01")!)).toBe(false);
  });
});

describe("bracket pre-scan", () => {
  test.each([["[[1]]", 2], ["\"((((\" + (1)", 1], ["`${`${(1)}`}`", 3], ["/* ((( */ [1] // (((", 1], ["'a\\'(' + [1]", 1]])(
    "%s is %s deep", (source, depth) => expect(bracketDepth(source)).toBe(depth));
});

describe("runtime errors name the place the server's engine names", () => {
  test.each([
    ["data.x.y", "TypeError: Cannot read properties of undefined (reading 'y')", 8],
    ["data.nul.trim()", "TypeError: Cannot read properties of null (reading 'trim')", 10],
    ["len(5)", "TypeError: len: expects a string or an array, got number", 1],
  ])("%s", (source, message, column) => {
    let problem;
    try {
      engine.evaluate(source, { data: { nul: null } });
    } catch (error) {
      problem = (error as ExpressionError).problem;
    }
    expect(problem).toEqual({ message, line: 1, column });
  });
});
