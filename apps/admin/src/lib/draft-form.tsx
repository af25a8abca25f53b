import { type FormEvent, useState } from "react";
import { type AdminErrorResult, ErrorResultMessage } from "../components/error-result.js";
import { useT } from "../i18n/index.js";

/** The keys of a draft whose values are text (typed into a field as they are). */
type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

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
   * A text field's `name`, `value` and `onChange` bound to the draft's text `key` (`name`
   * defaults to the key): `<TextField label={…} {...field("nameZh")} />`.
   */
  const field = <K extends TextKey<D>>(key: K, name: string = key) => ({
    name,
    value: draft[key] as string,
    onChange: (value: string) => set(key, value as D[K]),
  });

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

  return { draft, setDraft, set, field, refusal, busy, onSubmit };
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
