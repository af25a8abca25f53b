import { createSpaI18n } from "@nested/web-kit";
import { en } from "./en.js";
import { zhCN } from "./zh-cn.js";

export { useT } from "@nested/web-kit";

/** The shop's i18next instance (zh-CN by default, English one tap away) and its switch. */
export const { i18n, setLanguage } = createSpaI18n("nm-shop-language", {
  "zh-CN": { translation: zhCN },
  en: { translation: en },
});
