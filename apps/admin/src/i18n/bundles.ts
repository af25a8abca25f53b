import { strings as catalog } from "../features/catalog/strings.js";
import { strings as cycles } from "../features/cycles/strings.js";
import { strings as home } from "../features/home/strings.js";
import { strings as households } from "../features/households/strings.js";
import { strings as impact } from "../features/impact/strings.js";
import { strings as intake } from "../features/intake/strings.js";
import { strings as settlements } from "../features/settlements/strings.js";
import { strings as signIn } from "../features/sign-in/strings.js";
import { strings as trust } from "../features/trust/strings.js";
import { strings as users } from "../features/users/strings.js";
import { common } from "./common.js";

/** A feature's strings in both languages (the same keys in each). */
export interface Bundle {
  "zh-CN": Record<string, unknown>;
  en: Record<string, unknown>;
}

/**
 * Every feature's strings under its own key (`t("households.title")`); the frame's strings at the
 * top level (`t("nav.home")`).
 */
export const FEATURE_BUNDLES: Record<string, Bundle> = {
  catalog,
  cycles,
  home,
  households,
  impact,
  intake,
  settlements,
  signIn,
  trust,
  users,
};

/** The i18next resources of one language: the frame's strings plus every feature's. */
export function translation(language: keyof Bundle): Record<string, unknown> {
  const features = Object.fromEntries(
    Object.entries(FEATURE_BUNDLES).map(([key, bundle]) => [key, bundle[language]]),
  );
  return { ...common[language], ...features };
}
