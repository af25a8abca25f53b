import { useQuery } from "@apollo/client/react";
import { formatFen, percent, pick } from "@nested/domain";
import { QueryState } from "@nested/web-kit";
import { useState } from "react";
import type { VariantFieldsFragment } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { CycleOffersQuery, PriceCyclesQuery } from "./queries.js";
import { ReferencePriceText } from "./reference-price.js";

/**
 * Our prices of one product in a chosen order cycle (the newest by default) beside the township
 * market's: consumer price, what the household is paid, the market price, the premium over it and
 * the household's share of the consumer price (both from the API, in basis points).
 */
export function CyclePrices({
  productId,
  variants,
}: {
  productId: string;
  variants: VariantFieldsFragment[];
}) {
  const { t, language } = useT();
  const cycles = useQuery(PriceCyclesQuery);
  const [chosen, setChosen] = useState("");
  const list = cycles.data?.orderCycles.items;
  const cycleId = chosen || list?.[0]?.id || "";
  const offers = useQuery(CycleOffersQuery, {
    variables: { orderCycleId: cycleId },
    skip: !cycleId,
  });
  const mine = offers.data?.products.items.find((p) => p.id === productId)?.offers ?? [];
  const names = new Map(variants.map((v) => [v.id, pick(language, v.nameZh, v.nameEn)]));
  return (
    <section className="stack" aria-labelledby="cycle-prices">
      <h2 id="cycle-prices">{t("catalog.cyclePrices.title")}</h2>
      <QueryState
        loading={cycles.loading}
        error={cycles.error}
        retry={() => void cycles.refetch()}
        hasData={!!list}
      />
      {list && list.length === 0 && <p className="muted">{t("catalog.cyclePrices.noCycles")}</p>}
      {list && list.length > 0 && (
        <label>
          {t("catalog.cyclePrices.cycle")}
          <select name="orderCycleId" value={cycleId} onChange={(e) => setChosen(e.target.value)}>
            {list.map((c) => (
              <option key={c.id} value={c.id}>
                {c.code}
              </option>
            ))}
          </select>
        </label>
      )}
      <QueryState
        loading={offers.loading}
        error={offers.error}
        retry={() => void offers.refetch()}
        hasData={!!offers.data}
      />
      {offers.data && mine.length === 0 && <p className="muted">{t("catalog.cyclePrices.none")}</p>}
      {mine.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("catalog.col.name")}</th>
                <th className="num">{t("catalog.col.ourPrice")}</th>
                <th className="num">{t("catalog.col.producerPrice")}</th>
                <th>{t("catalog.col.reference")}</th>
                <th className="num">{t("catalog.col.premium")}</th>
                <th className="num">{t("catalog.col.share")}</th>
              </tr>
            </thead>
            <tbody>
              {mine.map((o) => (
                <tr key={o.id}>
                  <td lang={language === "en" ? "en" : "zh-CN"}>{names.get(o.variant.id)}</td>
                  <td className="num">{formatFen(o.price)}</td>
                  <td className="num">{formatFen(o.producerPrice)}</td>
                  <td>
                    <ReferencePriceText reference={o.pricing.referencePrice} />
                  </td>
                  <td className="num">
                    {o.pricing.premiumBasisPoints == null
                      ? t("catalog.none")
                      : percent(o.pricing.premiumBasisPoints, language)}
                  </td>
                  <td className="num">{percent(o.pricing.householdShareBasisPoints, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
