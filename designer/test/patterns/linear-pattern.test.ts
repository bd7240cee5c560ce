import { describe, expect, test } from "vitest";
import { LinearPattern, PatternSyntaxError } from "../../src/patterns/linear-pattern";

describe("field patterns match as .NET's non-backtracking engine does", () => {
  test.each([
    ["^[A-Z]", "Abc", true], ["^[A-Z]", "abc", false], ["[0-9]{4}", "ab1234", true], ["^[0-9]{4}$", "12345", false],
    ["^\\d{6}$", "440305", true], ["^\\d+$", "１２３", true], ["^\\w+$", "张三_1", true], ["^\\s*$", "\u3000 ", true],
    ["^(a|ab)(c|bcd)(d*)$", "abcd", true], ["^a.c$", "a\nc", false], ["^a.c$", "abc", true],
    ["abc$", "abc\n", true], ["abc\\z", "abc\n", false], ["\\bcat\\b", "a cat.", true], ["\\bcat\\b", "concat", false],
    ["^[^a-c]+$", "xyz", true], ["^[^a-c]+$", "xbz", false], ["^[\\w.-]+@", "a.b-c@", true], ["^\\p{L}+$", "中文abc", true],
    ["^(?:ab)+$", "ababab", true], ["^(?<year>\\d{4})-\\d{2}$", "2026-11", true], ["^colou?r$", "color", true],
    ["^a{2,3}$", "aaaa", false], ["^a{2,}$", "aaaa", true], ["x*", "", true], ["^$", "", true], ["^\\u4e2d", "中", true],
    ["^[\\-+]?\\d+(\\.\\d{1,2})?$", "-12.5", true], ["^1[3-9]\\d{9}$", "13800138000", true], ["a+?b", "aaab", true],
  ])("%s on %j is %s", (pattern, text, expected) => {
    expect(new LinearPattern(pattern).test(text)).toBe(expected);
    if (!/\\[dwsp]|\\z|\\b|\(\?<|\$$/.test(pattern) || pattern === "^[A-Z]") expect(new RegExp(pattern).test(text)).toBe(expected);
  });

  test("catastrophic patterns end at once on hostile input", () => {
    const text = "a".repeat(5000) + "!";
    expect(new LinearPattern("^(a+)+$").test(text)).toBe(false);
    expect(new LinearPattern("^(a|a)*$").test(text)).toBe(false);
    expect(new LinearPattern("^(a|aa)+$").test("a".repeat(5000))).toBe(true);
  });

  test.each(["(?=a)", "(a)\\1", "(?i)abc", "[a-", "(ab", "a)", "*a", "a{3,1}", "\\p{Nope}"])("%s is refused with a clear error", (pattern) => {
    expect(() => new LinearPattern(pattern)).toThrow(PatternSyntaxError);
  });

  test("a pattern that would expand past the state limit is refused, not run", () => {
    expect(() => new LinearPattern("(a{1000}){1000}")).toThrow(/too large/);
  });
});

describe("in the ecmascript dialect (the matches helper) it agrees with JavaScript's RegExp", () => {
  const patterns = [
    "^\\d+$", "\\w+", "^\\s*$", "a.c", "abc$", "^[^]$", "^[]$", "\\bcat", "colou?r", "^(?:a|bc)*d$", "[\\d-]+",
    "^[A-Z][a-z]{2,4}$", "x{2}", "^\\u4e2d.", "\\x41", "[\\b]", "^(a+)+$", "(?<y>\\d{4})-\\d\\d", "a\\.b", "^$",
  ];
  const texts = ["123", "１２３", "abc", "a\nc", "abc\n", "x", "", " \t", "cat", "concat", "colour", "bcbcd", "12-3",
    "Hello", "xx", "中文", "A", "\b", "aaa", "2026-11", "a.b", "axb", "\u3000"];
  for (const pattern of patterns) {
    test(pattern, () => {
      const linear = new LinearPattern(pattern, "ecmascript");
      const native = new RegExp(pattern);
      for (const text of texts) expect(linear.test(text), JSON.stringify(text)).toBe(native.test(text));
    });
  }

  test.each(["\\A", "\\p{L}", "\\e", "\\1", "(?=a)", "\\k<x>", "\\cA"])("%s is outside the dialect and refused", (pattern) => {
    expect(() => new LinearPattern(pattern, "ecmascript")).toThrow(PatternSyntaxError);
  });
});
