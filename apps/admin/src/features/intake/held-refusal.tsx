import type { Language } from "@nested/domain";
import { useState } from "react";
import { type AdminErrorResult, ErrorResultMessage } from "../../components/error-result.js";
import { useT } from "../../i18n/index.js";

/** A refusal kept on screen with the language the API answered it in. */
export interface HeldRefusal {
  error: AdminErrorResult;
  language: Language;
}

/**
 * State for a refusal shown under a form: `set(error)` keeps it with the page's language now (the
 * API answers in it), `set(null)` clears it.
 */
export function useHeldRefusal(): [HeldRefusal | null, (error: AdminErrorResult | null) => void] {
  const { language } = useT();
  const [held, setHeld] = useState<HeldRefusal | null>(null);
  return [held, (error) => setHeld(error ? { error, language } : null)];
}

/**
 * The refusal in words ({@link ErrorResultMessage}), marked with the language it was answered in,
 * so that after a language switch screen readers still read it right.
 */
export function HeldRefusalMessage({ held }: { held: HeldRefusal | null }) {
  if (!held) return null;
  return (
    <div lang={held.language}>
      <ErrorResultMessage error={held.error} />
    </div>
  );
}
