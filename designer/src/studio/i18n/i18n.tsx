import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { locales } from "../../forms";
import { format, type MessageKey, type StudioLocale } from "./messages";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  locale: StudioLocale;
  setLocale(locale: StudioLocale): void;
  t: Translate;
}

const storageKey = "formflow.studio.locale";
const I18nContext = createContext<I18n>({ locale: "zh-CN", setLocale: () => {}, t: (key, values) => format("zh-CN", key, values) });

function storedLocale(): StudioLocale {
  try {
    const stored = localStorage.getItem(storageKey);
    return locales.find((l) => l === stored) ?? "zh-CN";
  } catch {
    return "zh-CN";
  }
}

/** Simplified Chinese unless the user chose another language earlier (remembered in this browser). */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: StudioLocale }) {
  const [locale, setLocaleState] = useState<StudioLocale>(initial ?? storedLocale);
  const value = useMemo<I18n>(() => ({
    locale,
    setLocale(next) {
      setLocaleState(next);
      try { localStorage.setItem(storageKey, next); } catch { /* private mode: not remembered */ }
    },
    t: (key, values) => format(locale, key, values),
  }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
