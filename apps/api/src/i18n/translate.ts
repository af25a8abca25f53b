import i18next, { type TFunction } from "i18next";
import { MESSAGES } from "./messages";

/** The languages the API answers in; zh-CN is the default. */
export type Locale = "zh-CN" | "en";

const instance = i18next.createInstance();
void instance.init({
  resources: { "zh-CN": { translation: MESSAGES["zh-CN"] }, en: { translation: MESSAGES.en } },
  lng: "zh-CN",
  fallbackLng: "zh-CN",
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** A translator bound to one locale: `t("identity.invalidCredentials")`. */
export function translatorFor(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

/**
 * The caller's locale from an `Accept-Language` header: English when it prefers `en`,
 * otherwise Chinese.
 */
export function localeFromHeader(acceptLanguage: string | undefined): Locale {
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}
