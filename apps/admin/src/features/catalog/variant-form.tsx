import type { AdminErrorResult } from "../../components/error-result.js";
import { FormFooter, useDraftForm } from "../../lib/draft-form.js";
import type { SaleUnit } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { TextField } from "../../lib/form-fields.js";
import { wholeNumber } from "../../lib/whole-number.js";
import { EnumSelect, UNITS } from "./options.js";

/** A variant as the form holds it: numbers as typed. */
export interface VariantDraft {
  nameZh: string;
  nameEn: string;
  unit: SaleUnit;
  /** Grams per unit as typed; "" when the weight is not fixed. */
  grams: string;
  /** Most units per order as typed. */
  maxPerOrder: string;
}

/** The API's input of a variant: grams and most per order as whole numbers. */
export interface VariantInput {
  nameZh: string;
  nameEn: string;
  unit: SaleUnit;
  grams: number | null;
  maxPerOrder: number | null;
}

/** An empty draft for a new variant (sold by the jin, 500 g, at most 10 per order). */
export const NEW_VARIANT: VariantDraft = {
  nameZh: "",
  nameEn: "",
  unit: "JIN",
  grams: "500",
  maxPerOrder: "10",
};

/**
 * Creates or changes a variant: names, unit, grams per unit, most per order. Numbers that are
 * not whole are refused here; `save` answers the API's refusal or null. A refusal keeps what was
 * typed; a success empties the form when `resetOnSave`.
 */
export function VariantForm({
  initial,
  submitLabel,
  save,
  resetOnSave = false,
}: {
  initial: VariantDraft;
  submitLabel: string;
  save(input: VariantInput): Promise<AdminErrorResult | null>;
  resetOnSave?: boolean;
}) {
  const { t } = useT();
  const { draft, setDraft, set, field, refusal, busy, onSubmit } = useDraftForm(initial);
  const grams = wholeNumber(draft.grams);
  const maxPerOrder = wholeNumber(draft.maxPerOrder);
  const submit = onSubmit(
    async () => {
      if (grams === "invalid" || maxPerOrder === "invalid") return null;
      const refused = await save({
        nameZh: draft.nameZh,
        nameEn: draft.nameEn,
        unit: draft.unit,
        grams,
        maxPerOrder,
      });
      if (!refused && resetOnSave) setDraft(initial);
      return refused;
    },
    () =>
      grams === "invalid" || maxPerOrder === "invalid" ? t("catalog.variant.badNumber") : null,
  );

  return (
    <form className="stack" onSubmit={submit}>
      <div className="row">
        <TextField
          label={t("catalog.variant.nameZh")}
          {...field("nameZh", "variantNameZh")}
          lang="zh-CN"
        />
        <TextField
          label={t("catalog.variant.nameEn")}
          {...field("nameEn", "variantNameEn")}
          lang="en"
        />
        <EnumSelect
          label={t("catalog.variant.unit")}
          name="unit"
          group="unit"
          values={UNITS}
          value={draft.unit}
          onChange={(u) => set("unit", u || "JIN")}
        />
        <TextField label={t("catalog.variant.grams")} {...field("grams")} inputMode="numeric" />
        <TextField
          label={t("catalog.variant.maxPerOrder")}
          {...field("maxPerOrder")}
          inputMode="numeric"
        />
      </div>
      <FormFooter refusal={refusal} busy={busy} label={submitLabel} />
    </form>
  );
}
