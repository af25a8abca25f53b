import type { AdminErrorResult } from "../../components/error-result.js";
import { FormFooter, useDraftForm } from "../../lib/draft-form.js";
import type { ProductCategory } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { TextAreaField, TextField } from "../../lib/form-fields.js";
import { CATEGORIES, EnumSelect } from "./options.js";

/** A product as the form holds it; months 1–12 of its season, ascending. */
export interface ProductDraft {
  nameZh: string;
  nameEn: string;
  category: ProductCategory;
  seasonMonths: number[];
  descriptionZh: string;
  descriptionEn: string;
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/**
 * Creates or changes a product: names, category, months in season (ticks), descriptions. `save`
 * answers a refusal (shown in words; the form keeps what was typed) or null.
 */
export function ProductForm({
  initial,
  submitLabel,
  save,
}: {
  initial: ProductDraft;
  submitLabel: string;
  save(draft: ProductDraft): Promise<AdminErrorResult | null>;
}) {
  const { t } = useT();
  const { draft, set, field, refusal, busy, onSubmit } = useDraftForm(initial);
  const submit = onSubmit(() => save(draft));

  function toggleMonth(month: number, on: boolean) {
    const months = new Set(draft.seasonMonths);
    if (on) months.add(month);
    else months.delete(month);
    set(
      "seasonMonths",
      [...months].sort((a, b) => a - b),
    );
  }

  return (
    <form className="stack narrow-form" onSubmit={submit}>
      <div className="row">
        <TextField label={t("catalog.product.nameZh")} {...field("nameZh")} lang="zh-CN" />
        <TextField label={t("catalog.product.nameEn")} {...field("nameEn")} lang="en" />
        <EnumSelect
          label={t("catalog.product.category")}
          name="category"
          group="category"
          values={CATEGORIES}
          value={draft.category}
          onChange={(c) => set("category", c || "OTHER")}
        />
      </div>
      <fieldset className="check-grid months">
        <legend>{t("catalog.product.season")}</legend>
        {MONTHS.map((m) => (
          <label key={m} className="check">
            <input
              type="checkbox"
              name={`month-${m}`}
              checked={draft.seasonMonths.includes(m)}
              onChange={(e) => toggleMonth(m, e.target.checked)}
            />
            {t("catalog.month", { month: m })}
          </label>
        ))}
      </fieldset>
      <TextAreaField
        label={t("catalog.product.descriptionZh")}
        {...field("descriptionZh")}
        lang="zh-CN"
        rows={2}
      />
      <TextAreaField
        label={t("catalog.product.descriptionEn")}
        {...field("descriptionEn")}
        lang="en"
        rows={2}
      />
      <FormFooter refusal={refusal} busy={busy} label={submitLabel} />
    </form>
  );
}

/** The API's input of a product draft (empty descriptions as null). */
export function productInput(draft: ProductDraft) {
  return {
    nameZh: draft.nameZh,
    nameEn: draft.nameEn,
    category: draft.category,
    seasonMonths: draft.seasonMonths,
    descriptionZh: draft.descriptionZh.trim() || null,
    descriptionEn: draft.descriptionEn.trim() || null,
  };
}
