import { createSpaI18n } from "@nested/web-kit";
import { translation } from "./bundles.js";

export { useT } from "@nested/web-kit";

/** The admin SPA's i18next instance (zh-CN by default, English one tap away) and its switch. */
export const { i18n, setLanguage } = createSpaI18n("nm-admin-language", {
  "zh-CN": { translation: translation("zh-CN") },
  en: { translation: translation("en") },
});
