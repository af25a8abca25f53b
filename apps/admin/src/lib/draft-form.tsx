import { type FormEvent, useState } from "react";
import { type AdminErrorResult, ErrorResultMessage } from "../components/error-result.js";
import { useT } from "../i18n/index.js";

/**
 * The state of a register form: the draft as typed (kept whole on a refusal), the refusal to
 * show, and whether a save is under way.
 */
export function useDraftForm<D extends object>(initial: D) {
  const [draft, setDraft] = useState(initial);
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((d) => ({ ...d, [key]: value }));

  /**
   * A submit handler: `check` may refuse at once with a message (a number that is not whole);
   * otherwise `save` runs and its refusal (or null) is shown. Resolves the refusal.
   */
  function onSubmit(save: () => Promise<AdminErrorResult | null>, check?: () => string | null) {
    return async (event: FormEvent) => {
      event.preventDefault();
      const local = check?.();
      if (local) {
        setRefusal({ errorCode: "INVALID_INPUT", message: local });
        return local;
      }
      setBusy(true);
      setRefusal(null);
      const refused = await save();
      setBusy(false);
      setRefusal(refused);
      return refused;
    };
  }

  return { draft, setDraft, set, refusal, busy, onSubmit };
}

/** The end of a register form: its refusal in words and the submit button. */
export function FormFooter({
  refusal,
  busy,
  label,
}: {
  refusal: AdminErrorResult | null;
  busy: boolean;
  label: string;
}) {
  const { t } = useT();
  return (
    <>
      {refusal && <ErrorResultMessage error={refusal} />}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t("state.saving") : label}
        </button>
      </div>
    </>
  );
}
