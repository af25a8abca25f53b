import type { Language } from "@nested/domain";
import i18next, { type i18n as I18n, type Resource } from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";

/** An SPA's i18next instance with its language switch. */
export interface SpaI18n {
  i18n: I18n;
  /** Switches the language, remembers it in this browser, and sets `<html lang>`. */
  setLanguage(language: Language): void;
}

/**
 * i18next for an SPA: both languages bundled (`resources` by "zh-CN" and "en"), zh-CN by default,
 * the choice remembered in localStorage under `storageKey` (private mode: for the page only).
 */
export function createSpaI18n(storageKey: string, resources: Resource): SpaI18n {
  const stored = (() => {
    try {
      return globalThis.localStorage?.getItem(storageKey) === "en" ? "en" : "zh-CN";
    } catch {
      return "zh-CN";
    }
  })();
  const i18n = i18next.createInstance();
  void i18n.use(initReactI18next).init({
    resources,
    lng: stored,
    fallbackLng: "zh-CN",
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return {
    i18n,
    setLanguage(language) {
      void i18n.changeLanguage(language);
      try {
        localStorage.setItem(storageKey, language);
      } catch {
        // private mode: the choice lasts for this page only
      }
      document.documentElement.lang = language;
    },
  };
}

/** `t` and the current language as the market's `Language`. */
export function useT() {
  const { t, i18n: instance } = useTranslation();
  const language: Language = instance.language === "en" ? "en" : "zh-CN";
  return { t, language };
}
