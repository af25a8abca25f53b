import type { TFunction } from "i18next";
import { type AdminErrorResult, errorResultOf } from "../components/error-result.js";

/**
 * A mutation's outcome for a form: the ErrorResult in its answer (already in the page's
 * language), a "cannot reach the server" refusal when there was no answer (`undefined`: the
 * network or the server failed), or null when it succeeded.
 */
export function refusalOf(answer: unknown, t: TFunction): AdminErrorResult | null {
  if (answer === undefined || answer === null) {
    return { errorCode: "NETWORK", message: t("state.failed") };
  }
  return errorResultOf(answer);
}

/** Runs a mutation and resolves its data, or undefined when it failed on the network. */
export async function settle<T>(run: Promise<{ data?: T | null }>): Promise<T | undefined> {
  try {
    return (await run).data ?? undefined;
  } catch {
    return undefined;
  }
}
