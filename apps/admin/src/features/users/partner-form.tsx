import type { AdminErrorResult } from "../../components/error-result.js";
import { FormFooter, useDraftForm } from "../../lib/draft-form.js";
import { useT } from "../../i18n/index.js";
import { TextField } from "../../lib/form-fields.js";
import { wholeNumber } from "../../lib/whole-number.js";
import { type GroupChoice, GroupChecks } from "./group-checks.js";

/** A partner organisation as the form holds it: k as typed. */
export interface PartnerDraft {
  name: string;
  suppressionK: string;
  producerGroupIds: string[];
}

/** The API's input of a partner draft: k as a whole number (the API refuses below 3). */
export interface PartnerInput {
  name: string;
  suppressionK: number | null;
  producerGroupIds: string[];
}

/**
 * Creates or changes a partner organisation: name, suppression threshold k (3 or more; the API
 * says so in words) and the producer groups it may see. A refusal keeps what was typed.
 */
export function PartnerForm({
  initial,
  groups,
  submitLabel,
  save,
}: {
  initial: PartnerDraft;
  groups: readonly GroupChoice[];
  submitLabel: string;
  save(input: PartnerInput): Promise<AdminErrorResult | null>;
}) {
  const { t } = useT();
  const { draft, set, field, refusal, busy, onSubmit } = useDraftForm(initial);
  const k = wholeNumber(draft.suppressionK);
  const submit = onSubmit(
    () =>
      save({
        name: draft.name,
        suppressionK: k === "invalid" ? null : k,
        producerGroupIds: draft.producerGroupIds,
      }),
    () => (k === "invalid" ? t("users.partners.badK") : null),
  );

  return (
    <form className="stack narrow-form" onSubmit={submit}>
      <div className="row">
        <TextField label={t("users.partners.name")} {...field("name", "partnerName")} />
        <TextField label={t("users.partners.k")} {...field("suppressionK")} inputMode="numeric" />
      </div>
      <GroupChecks
        legend={t("users.partners.groups")}
        groups={groups}
        chosen={draft.producerGroupIds}
        onChange={(ids) => set("producerGroupIds", ids)}
      />
      <FormFooter refusal={refusal} busy={busy} label={submitLabel} />
    </form>
  );
}
