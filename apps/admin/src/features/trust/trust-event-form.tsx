import type { AdminErrorResult } from "../../components/error-result.js";
import { FormFooter, useDraftForm } from "../../lib/draft-form.js";
import type { TrustEventKind } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { TextAreaField, TextField } from "../../lib/form-fields.js";
import { shanghaiInputToIso } from "../../lib/shanghai-time.js";
import { wholeNumber } from "../../lib/whole-number.js";
import { KindSelect } from "./kind-select.js";

/** What the trust event form holds, as typed (times as Beijing wall-clock "YYYY-MM-DDTHH:mm"). */
export interface TrustEventDraft {
  producerGroupId: string;
  kind: TrustEventKind;
  titleZh: string;
  titleEn: string;
  startsAt: string;
  endsAt: string;
  /** Most people, as typed; "" = no limit. */
  capacity: string;
  openToConsumers: boolean;
  notes: string;
}

/** The API's fields of a draft: instants in UTC, capacity as a number or null. */
export interface TrustEventFieldsInput {
  titleZh: string;
  /** The Chinese title when left empty (as the API does on creation). */
  titleEn: string | null;
  startsAt: string;
  endsAt: string;
  /** Village visits only; left out for other kinds. */
  capacity?: number | null;
  /** Village visits only; left out for other kinds. */
  openToConsumers?: boolean;
  notes: string | null;
}

/**
 * Creates or edits a trust event. `save` gets the draft's fields and answers a refusal (shown in
 * words, the form keeps what was typed) or null. Group and kind are chosen only on creation
 * (`groups` given).
 */
export function TrustEventForm({
  initial,
  groups,
  submitLabel,
  save,
}: {
  initial: TrustEventDraft;
  groups?: { id: string; name: string }[];
  submitLabel: string;
  save(fields: TrustEventFieldsInput, draft: TrustEventDraft): Promise<AdminErrorResult | null>;
}) {
  const { t } = useT();
  const { draft, set, field, refusal, busy, onSubmit } = useDraftForm(initial);
  const isVisit = draft.kind === "VILLAGE_VISIT";
  const startsAt = shanghaiInputToIso(draft.startsAt);
  const endsAt = shanghaiInputToIso(draft.endsAt);
  const capacity = wholeNumber(draft.capacity);
  const submit = onSubmit(
    () =>
      save(
        {
          titleZh: draft.titleZh,
          titleEn: draft.titleEn.trim() || draft.titleZh.trim() || null,
          startsAt: startsAt ?? "",
          endsAt: endsAt ?? "",
          ...(isVisit
            ? {
                capacity: capacity === "invalid" ? null : capacity,
                openToConsumers: draft.openToConsumers,
              }
            : {}),
          notes: draft.notes.trim() || null,
        },
        draft,
      ),
    () => {
      if (!startsAt || !endsAt) return t("trust.form.badTime");
      return isVisit && capacity === "invalid" ? t("trust.form.badCapacity") : null;
    },
  );

  return (
    <form className="stack narrow-form" onSubmit={submit}>
      {groups && (
        <div className="row">
          <label>
            {t("trust.form.group")}
            <select
              name="producerGroupId"
              value={draft.producerGroupId}
              onChange={(e) => set("producerGroupId", e.target.value)}
            >
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          </label>
          <KindSelect
            label={t("trust.form.kind")}
            value={draft.kind}
            onChange={(k) => set("kind", k || "VILLAGE_VISIT")}
          />
        </div>
      )}
      <TextField label={t("trust.form.titleZh")} {...field("titleZh")} lang="zh-CN" />
      <TextField label={t("trust.form.titleEn")} {...field("titleEn")} lang="en" />
      <div className="row">
        <TextField label={t("trust.form.startsAt")} {...field("startsAt")} type="datetime-local" />
        <TextField label={t("trust.form.endsAt")} {...field("endsAt")} type="datetime-local" />
      </div>
      {isVisit && (
        <>
          <TextField label={t("trust.form.capacity")} {...field("capacity")} inputMode="numeric" />
          <label className="check">
            <input
              type="checkbox"
              name="openToConsumers"
              checked={draft.openToConsumers}
              onChange={(e) => set("openToConsumers", e.target.checked)}
            />
            {t("trust.form.openToConsumers")}
          </label>
        </>
      )}
      <TextAreaField label={t("trust.form.notes")} {...field("notes")} rows={3} />
      <FormFooter refusal={refusal} busy={busy} label={submitLabel} />
    </form>
  );
}
