import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import type { Language } from "../lib/format.js";
import { en } from "./en.js";
import { zhCN } from "./zh-cn.js";

const STORAGE_KEY = "nm-shop-language";

function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

/** The shop's i18next instance: zh-CN by default, English one tap away; both bundled. */
export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Switches the language, remembers it, and sets `<html lang>`. */
export function setLanguage(language: Language): void {
  void i18n.changeLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = language;
}

/** `t` and the current language as the shop's `Language`. */
export function useT() {
  const { t, i18n: instance } = useTranslation();
  const language: Language = instance.language === "en" ? "en" : "zh-CN";
  return { t, language };
}
