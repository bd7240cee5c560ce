import type { Locale } from "./definition";

/**
 * The one text mechanism of the browser code. Each area (form rules here, the form view, the Portal, the Studio)
 * keeps its words in a catalogue of this shape and reads them through `lookup`; it lives in forms because that is the
 * lowest layer with words of its own, so the form view, the Portal and the Studio can all reach it.
 *
 * A catalogue has a block per locale, each with every key (test/forms/texts.test.ts checks every catalogue). A text
 * may hold placeholders `{name}`; values fill them by name, or by position (`{0}`, `{1}`) when given as a list.
 */
export type Catalogue<Key extends string> = Readonly<Record<Locale, Readonly<Record<Key, string>>>>;

export type TextValues = Readonly<Record<string, string | number>> | readonly (string | number)[];

export const locales: readonly Locale[] = ["zh-CN", "zh-TW", "en"];

/** The text for a key in a locale with its placeholders filled; an unknown locale reads Simplified Chinese. */
export function lookup<Key extends string>(catalogue: Catalogue<Key>, locale: string, key: Key, values: TextValues = []): string {
  const block = catalogue[locales.includes(locale as Locale) ? (locale as Locale) : "zh-CN"];
  const named = values as Readonly<Record<string, string | number>>;
  return block[key].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(named, name) ? String(named[name]) : whole));
}
