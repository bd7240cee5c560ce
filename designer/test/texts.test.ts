import { describe, expect, test } from "vitest";
import { fieldTypeTexts } from "../src/studio/form-designer/field-catalog";
import { viewTexts } from "../src/form-view/view-text";
import { formRuleText, jsonTypeText } from "../src/forms/form-messages";
import { locales, lookup, type Catalogue } from "../src/forms/texts";
import { portalTexts } from "../src/portal/i18n";
import { studioTexts } from "../src/studio/i18n/messages";

// Every catalogue of the browser code (forms/texts.ts); a new one belongs in this list.
const catalogues: Record<string, Catalogue<string>> = {
  "forms: rule messages": formRuleText,
  "forms: JSON type names": jsonTypeText,
  "form view": viewTexts,
  Portal: portalTexts,
  Studio: studioTexts,
  "Studio: field types": fieldTypeTexts,
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(catalogues))("%s", (_, catalogue) => {
  const keys = Object.keys(catalogue["zh-CN"]);

  test.each(locales.filter((l) => l !== "zh-CN"))("%s has every key zh-CN has, and no other", (locale) => {
    expect(Object.keys(catalogue[locale]).sort()).toEqual([...keys].sort());
  });

  test("every text is there in every locale, with the same placeholders as zh-CN", () => {
    for (const key of keys) {
      for (const locale of locales) {
        const text = catalogue[locale][key];
        expect(typeof text === "string" && text.trim().length > 0, `${locale} ${key}`).toBe(true);
        expect(placeholders(text), `${locale} ${key}: ${text}`).toEqual(placeholders(catalogue["zh-CN"][key]));
      }
    }
  });
});

test("lookup fills placeholders by name or by position, and reads zh-CN for an unknown locale", () => {
  const catalogue = { "zh-CN": { hi: "你好，{name}", n: "{0}/{1}" }, "zh-TW": { hi: "你好，{name}", n: "{0}/{1}" }, en: { hi: "Hello, {name}", n: "{0} of {1}" } };
  expect(lookup(catalogue, "en", "hi", { name: "Li" })).toBe("Hello, Li");
  expect(lookup(catalogue, "en", "n", [3, 4])).toBe("3 of 4");
  expect(lookup(catalogue, "fr", "hi", { name: "李" })).toBe("你好，李");
  expect(lookup(catalogue, "en", "hi")).toBe("Hello, {name}");
});
