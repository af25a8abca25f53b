import { useMutation } from "@apollo/client/react";
import { pick } from "@nested/domain";
import { Fragment, useState } from "react";
import { type AdminErrorResult, ErrorResultMessage } from "../../components/error-result.js";
import type { VariantFieldsFragment } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { langOf } from "../../lib/lang-of.js";
import { evictRootFields } from "../../lib/apollo.js";
import { SavedNotice } from "../../lib/form-fields.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { RemoveVariantMutation, UpdateVariantMutation } from "./queries.js";
import { ReferencePriceText } from "./reference-price.js";
import { VariantForm } from "./variant-form.js";

/**
 * A product's variants with unit, grams, most per order and the latest market price; each can be
 * changed in place or removed (a refusal such as IN_USE is shown in words under the table).
 */
export function VariantTable({ variants }: { variants: VariantFieldsFragment[] }) {
  const { t, language } = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [removed, setRemoved] = useState(false);
  const [update] = useMutation(UpdateVariantMutation);
  const [remove] = useMutation(RemoveVariantMutation, {
    update: (cache) => evictRootFields(cache, ["products"]),
  });

  async function removeVariant(id: string) {
    if (!window.confirm(t("catalog.variant.confirmRemove"))) return;
    setRemoved(false);
    const data = await settle(remove({ variables: { id } }));
    const refused = refusalOf(data?.removeVariant, t);
    setRefusal(refused);
    setRemoved(!refused);
  }

  if (variants.length === 0) return <p className="muted">{t("catalog.variant.none")}</p>;
  return (
    <>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t("catalog.col.name")}</th>
              <th>{t("catalog.col.unit")}</th>
              <th className="num">{t("catalog.col.grams")}</th>
              <th className="num">{t("catalog.col.maxPerOrder")}</th>
              <th>{t("catalog.col.reference")}</th>
              <th>{t("catalog.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {variants.map((v) => (
              <Fragment key={v.id}>
                <tr>
                  <td lang={langOf(pick(language, v.nameZh, v.nameEn))}>
                    {pick(language, v.nameZh, v.nameEn)}
                  </td>
                  <td>{t(`catalog.unit.${v.unit}`)}</td>
                  <td className="num">{v.grams ?? t("catalog.none")}</td>
                  <td className="num">{v.maxPerOrder}</td>
                  <td>
                    <ReferencePriceText reference={v.referencePrice} />
                  </td>
                  <td>
                    <div className="row">
                      <button
                        type="button"
                        aria-expanded={editing === v.id}
                        onClick={() => setEditing(editing === v.id ? null : v.id)}
                      >
                        {editing === v.id ? t("catalog.variant.close") : t("catalog.variant.edit")}
                      </button>
                      <button type="button" className="danger" onClick={() => removeVariant(v.id)}>
                        {t("catalog.variant.remove")}
                      </button>
                    </div>
                  </td>
                </tr>
                {editing === v.id && (
                  <tr>
                    <td colSpan={6}>
                      <VariantForm
                        initial={{
                          nameZh: v.nameZh,
                          nameEn: v.nameEn,
                          unit: v.unit,
                          grams: v.grams == null ? "" : String(v.grams),
                          maxPerOrder: String(v.maxPerOrder),
                        }}
                        submitLabel={t("catalog.variant.save")}
                        save={async (input) => {
                          const data = await settle(update({ variables: { id: v.id, input } }));
                          const refused = refusalOf(data?.updateVariant, t);
                          if (!refused) setEditing(null);
                          return refused;
                        }}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {refusal && <ErrorResultMessage error={refusal} />}
      <SavedNotice show={removed}>{t("catalog.variant.removed")}</SavedNotice>
    </>
  );
}
