/**
 * The form definition as the browser receives it (engine/FormFlow.Engine/Forms/README.md, "Definition format").
 * Field names and meanings are the server's FieldDefinition; `loadForm` checks the shape before the runtime uses it.
 */
export type Locale = "zh-CN" | "zh-TW" | "en";
export type LocalizedText = Partial<Record<string, string>>;

export interface ChoiceOption {
  value: string;
  label: LocalizedText;
}

export interface ValidationRule {
  id: string;
  expression: string;
  message: LocalizedText;
}

export interface FieldDefinition {
  id: string;
  key?: string;
  type: string;
  label?: LocalizedText;
  help?: LocalizedText;
  placeholder?: LocalizedText;
  pii?: string;
  required?: boolean;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  options?: ChoiceOption[];
  display?: string;
  minItems?: number;
  maxItems?: number;
  multiple?: boolean;
  accept?: string[];
  maxSize?: number;
  scale?: number;
  fields?: FieldDefinition[];
  content?: { html?: LocalizedText; imageUrl?: string; videoUrl?: string };
  answer?: string | string[];
  points?: number;
  visibleIf?: string;
  requiredIf?: string;
  readOnlyIf?: string;
  calculate?: string;
  validate?: ValidationRule[];
}

export interface SectionDefinition {
  id: string;
  title?: LocalizedText;
  description?: LocalizedText;
  visibleIf?: string;
  fields: FieldDefinition[];
}

export interface PageDefinition {
  id: string;
  title?: LocalizedText;
  visibleIf?: string;
  sections: SectionDefinition[];
}

export interface FormDefinition {
  id: string;
  version: string;
  title: LocalizedText;
  description?: LocalizedText;
  pages: PageDefinition[];
}

export const locales: readonly Locale[] = ["zh-CN", "zh-TW", "en"];
export const defaultLocale: Locale = "zh-CN";

/** The locale that will actually be used: unknown locales fall back to zh-CN. */
export function normalizeLocale(locale: string | undefined): Locale {
  return locales.includes(locale as Locale) ? (locale as Locale) : defaultLocale;
}

/** Text in the locale, else zh-CN, else "". */
export function localize(text: LocalizedText | undefined, locale: string): string {
  if (!text) return "";
  return (Object.prototype.hasOwnProperty.call(text, locale) ? text[locale] : text[defaultLocale]) ?? "";
}
