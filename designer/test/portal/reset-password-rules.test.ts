import { describe, expect, test } from "vitest";
import { passwordRules, resetLinkParams } from "../../src/portal/password-rules";

const unmet = (password: string) => passwordRules.filter(r => !r.met(password)).map(r => r.word);

describe("the reset page's password rules and link", () => {
  test("each rule the server applies shows as unmet until the password meets it", () => {
    expect(unmet("")).toEqual(["ruleLength", "ruleLower", "ruleUpper", "ruleDigit", "ruleSymbol"]);
    expect(unmet("short1A!")).toEqual(["ruleLength"]);
    expect(unmet("alllowercaseletters")).toEqual(["ruleUpper", "ruleDigit", "ruleSymbol"]);
    expect(unmet("Hepingjie-2026")).toEqual([]);
  });

  test("the link's account and token are read from the query; a link missing one is no link", () => {
    expect(resetLinkParams("?account=a1&token=x%2By%3D")).toEqual({ accountId: "a1", token: "x+y=" });
    expect(resetLinkParams("?account=a1")).toBeNull();
    expect(resetLinkParams("")).toBeNull();
  });
});
