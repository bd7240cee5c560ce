import { describe, expect, it } from "vitest";
import { isMobile, secondsLeft, unionOptions } from "../../src/portal/registration";

describe("registration", () => {
  it("takes only 11-digit mainland mobile numbers", () => {
    expect(isMobile("13800138000")).toBe(true);
    expect(isMobile("12800138000")).toBe(false);
    expect(isMobile("1380013800")).toBe(false);
    expect(isMobile("138001380001")).toBe(false);
    expect(isMobile("1380013800a")).toBe(false);
  });

  it("counts down the wait for another code and stops at zero", () => {
    expect(secondsLeft(null, 5_000)).toBe(0);
    expect(secondsLeft(1_000, 1_000)).toBe(60);
    expect(secondsLeft(1_000, 1_500)).toBe(60);
    expect(secondsLeft(1_000, 31_000)).toBe(30);
    expect(secondsLeft(1_000, 61_000)).toBe(0);
    expect(secondsLeft(1_000, 99_000)).toBe(0);
  });

  it("lists unions in tree order labelled with their chain, telling same-named units apart", () => {
    const options = unionOptions([
      { id: 5, name: "机关工会", parentId: 3, level: "grassroots" },
      { id: 1, name: "某市总工会", parentId: null, level: "city" },
      { id: 3, name: "西湖区总工会", parentId: 1, level: "district" },
      { id: 2, name: "东城区总工会", parentId: 1, level: "district" },
      { id: 4, name: "机关工会", parentId: 2, level: "grassroots" },
    ]);
    expect(options.map(o => o.label)).toEqual([
      "某市总工会",
      "某市总工会 / 东城区总工会",
      "某市总工会 / 东城区总工会 / 机关工会",
      "某市总工会 / 西湖区总工会",
      "某市总工会 / 西湖区总工会 / 机关工会",
    ]);
    expect(options.map(o => o.value)).toEqual([1, 2, 4, 3, 5]);
  });
});
