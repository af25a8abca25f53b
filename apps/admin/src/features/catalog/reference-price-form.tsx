import { useMutation } from "@apollo/client/react";
import { pick } from "@nested/domain";
import { type FormEvent, useState } from "react";
import { type AdminErrorResult, ErrorResultMessage } from "../../components/error-result.js";
import type { VariantFieldsFragment } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { SavedNotice, TextField } from "../../lib/form-fields.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { shanghaiDay } from "../../lib/shanghai-time.js";
import { AddReferencePriceMutation } from "./queries.js";

/**
 * Records a township market price of one variant unit: the market, the day it was observed
 * (Beijing business day, today by default), the price in yuan as typed (the API reads 16.5,
 * ¥16.50 or full-width digits and refuses anything else in words) and the source.
 */
export function ReferencePriceForm({ variants }: { variants: VariantFieldsFragment[] }) {
  const { t, language } = useT();
  const [variantId, setVariantId] = useState(variants[0]?.id ?? "");
  const [market, setMarket] = useState("");
  const [observedOn, setObservedOn] = useState(shanghaiDay());
  const [priceText, setPriceText] = useState("");
  const [source, setSource] = useState("");
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [added, setAdded] = useState(false);
  const [add, { loading }] = useMutation(AddReferencePriceMutation, {
    update: (cache) => evictRootFields(cache, ["products"]),
  });
  if (variants.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    setAdded(false);
    const data = await settle(
      add({ variables: { input: { variantId, market, observedOn, priceText, source } } }),
    );
    const refused = refusalOf(data?.addReferencePrice, t);
    setRefusal(refused);
    if (!refused) {
      setAdded(true);
      setPriceText("");
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="reference-title">
      <h2 id="reference-title">{t("catalog.reference.title")}</h2>
      <div className="row">
        <label>
          {t("catalog.reference.variant")}
          <select name="variantId" value={variantId} onChange={(e) => setVariantId(e.target.value)}>
            {variants.map((v) => (
              <option key={v.id} value={v.id}>
                {pick(language, v.nameZh, v.nameEn)}
              </option>
            ))}
          </select>
        </label>
        <TextField
          label={t("catalog.reference.market")}
          name="market"
          lang="zh-CN"
          value={market}
          onChange={setMarket}
        />
        <TextField
          label={t("catalog.reference.observedOn")}
          name="observedOn"
          type="date"
          value={observedOn}
          onChange={setObservedOn}
        />
        <TextField
          label={t("catalog.reference.price")}
          name="priceText"
          inputMode="decimal"
          value={priceText}
          onChange={setPriceText}
        />
        <TextField
          label={t("catalog.reference.source")}
          name="source"
          value={source}
          onChange={setSource}
        />
      </div>
      {refusal && <ErrorResultMessage error={refusal} />}
      <SavedNotice show={added}>{t("catalog.reference.added")}</SavedNotice>
      <div className="row">
        <button type="submit" className="primary" disabled={loading}>
          {t("catalog.reference.add")}
        </button>
      </div>
    </form>
  );
}
