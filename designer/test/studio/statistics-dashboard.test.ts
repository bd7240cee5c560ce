import { describe, expect, test } from "vitest";
import type { FigureOrg, FigureTotals } from "../../src/api/openapi-types";
import { duration, measureText, percent } from "../../src/studio/dashboard/figure-measures";
import { figuresApi } from "../../src/studio/dashboard/figures-api";
import { nextPath } from "../../src/studio/dashboard/org-path";

const org = (id: number, name: string): FigureOrg => ({ id, name, level: "district", hasChildren: true });
const city = org(1, "某市总工会"), district = org(2, "东城区总工会"), street = org(3, "和平街道总工会"), other = org(4, "西湖区总工会");
const units = { hours: "小时", days: "天" };

describe("the statistics dashboard", () => {
  test("the on-time rate shows as a percentage, and a missing rate as a dash", () => {
    expect(percent(0.876)).toBe("87.6%");
    expect(percent(1)).toBe("100.0%");
    expect(percent(null)).toBe("—");
  });

  test("handling times show in hours below two days and in days from then on", () => {
    expect(duration(5.25, units)).toBe("5.3 小时");
    expect(duration(47.9, units)).toBe("47.9 小时");
    expect(duration(72, units)).toBe("3.0 天");
    expect(duration(null, units)).toBe("—");
  });

  test("counts show as they are", () => {
    const figures = { received: 12, onTimeRate: 0.5, handlingP90Hours: 96 } as FigureTotals;
    expect(measureText("received", figures, units)).toBe("12");
    expect(measureText("onTimeRate", figures, units)).toBe("50.0%");
    expect(measureText("handlingP90Hours", figures, units)).toBe("4.0 天");
  });

  test("the breadcrumb grows when drilling down, cuts back when going up, and restarts above its start", () => {
    const down = nextPath(nextPath(nextPath([], city, null), district, city), street, district);
    expect(down.map((o) => o.name)).toEqual(["某市总工会", "东城区总工会", "和平街道总工会"]);
    expect(nextPath(down, district, city).map((o) => o.name)).toEqual(["某市总工会", "东城区总工会"]);
    expect(nextPath([district], city, null).map((o) => o.name)).toEqual(["某市总工会"]);
    expect(nextPath(down, other, city).map((o) => o.name)).toEqual(["西湖区总工会"]);
  });

  test("an export link carries the view and the parameters on screen, leaving out the empty ones", () => {
    const url = new URL(figuresApi.exportUrl("ranking", { orgUnitId: 2, from: "2026-01-01", to: undefined }, { level: "grassroots", sort: "onTimeRate", order: "asc" }), "http://x");
    expect(url.pathname).toBe("/api/stats/figures/export");
    expect(Object.fromEntries(url.searchParams)).toEqual({ view: "ranking", orgUnitId: "2", from: "2026-01-01", level: "grassroots", sort: "onTimeRate", order: "asc" });
  });
});
