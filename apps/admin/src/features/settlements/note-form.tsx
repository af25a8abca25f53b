import { type FormEvent, useState } from "react";
import { OutcomeMessage, useOutcome } from "./outcome.js";

/**
 * A form with one note (a dispute, or how one was resolved): `save(note)` resolves to the
 * mutation's union member; a refusal (a blank note, say, refused by the API in words) keeps the note, a save clears it.
 */
export function NoteForm({
  name,
  title,
  label,
  submitLabel,
  doneText,
  save,
}: {
  name: string;
  title: string;
  label: string;
  submitLabel: string;
  doneText: string;
  save(note: string): Promise<unknown>;
}) {
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const { outcome, attempt } = useOutcome();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const saved = await attempt(() => save(note), doneText);
    setBusy(false);
    if (saved) setNote("");
  }
  return (
    <form className="stack narrow" onSubmit={submit} aria-labelledby={`${name}-title`}>
      <h3 id={`${name}-title`}>{title}</h3>
      <label>
        {label}
        <textarea
          name={name}
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <OutcomeMessage outcome={outcome} />
      <button type="submit" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
