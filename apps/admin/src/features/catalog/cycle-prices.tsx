import { useQuery } from "@apollo/client/react";
import { formatFen, percent, pick, ratioInBasisPoints } from "@nested/domain";
import { QueryState } from "@nested/web-kit";
import { useState } from "react";
import type { VariantFieldsFragment } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { langOf } from "../../lib/lang-of.js";
import { CycleOffersQuery, PriceCyclesQuery } from "./queries.js";
import { ReferencePriceText } from "./reference-price.js";

/**
 * Our prices of one product in a chosen order cycle (the newest by default) beside the township
 * market's latest price of each variant: consumer price, what the household is paid, the market
 * price, the producer premium over it ((producer − market) / market) and the household's share of
 * the consumer price (producer / consumer), both exact in basis points (`ratioInBasisPoints`).
 */
export function CyclePrices({ variants }: { variants: VariantFieldsFragment[] }) {
  const { t, language } = useT();
  const cycles = useQuery(PriceCyclesQuery);
  const [chosen, setChosen] = useState("");
  const list = cycles.data?.orderCycles.items;
  const cycleId = chosen || list?.[0]?.id || "";
  const offers = useQuery(CycleOffersQuery, {
    variables: { orderCycleId: cycleId },
    skip: !cycleId,
  });
  const byId = new Map(variants.map((v) => [v.id, v]));
  const mine = (offers.data?.offers ?? []).filter((o) => byId.has(o.variantId));
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
        <div className="row">
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
        </div>
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
              {mine.map((o) => {
                const variant = byId.get(o.variantId);
                const reference = variant?.referencePrice;
                const name = variant ? pick(language, variant.nameZh, variant.nameEn) : "";
                return (
                  <tr key={o.id}>
                    <td lang={langOf(name)}>{name}</td>
                    <td className="num">{formatFen(o.priceFen)}</td>
                    <td className="num">{formatFen(o.producerPriceFen)}</td>
                    <td>
                      <ReferencePriceText reference={reference} />
                    </td>
                    <td className="num">
                      {reference && reference.price > 0
                        ? percent(
                            ratioInBasisPoints(
                              o.producerPriceFen - reference.price,
                              reference.price,
                            ),
                            language,
                          )
                        : t("catalog.none")}
                    </td>
                    <td className="num">
                      {o.priceFen > 0
                        ? percent(ratioInBasisPoints(o.producerPriceFen, o.priceFen), language)
                        : t("catalog.none")}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
