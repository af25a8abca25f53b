import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { addOfferToCart } from "../cart/cart.js";
import { Placeholder } from "../components/placeholder.js";
import { QueryState } from "@nested/web-kit";
import { graphql } from "../gql/index.js";
import { useT } from "../i18n/index.js";
import { money, percent, pick, shortDate } from "../lib/format.js";
import { useMarketCycle } from "./use-market-cycle.js";

const ShopProductQuery = graphql(`
  query ShopProduct($id: ID!, $cycle: ID!) {
    product(id: $id) {
      id
      nameZh
      nameEn
      category
      descriptionZh
      descriptionEn
      offers(orderCycleId: $cycle) {
        id
        price
        quantityAvailable
        unit
        variant {
          id
          nameZh
          nameEn
          grams
          maxPerOrder
        }
        growers {
          code
          displayName
          storyZh
          storyEn
          village {
            id
            nameZh
            nameEn
            township
          }
        }
        pricing {
          householdShareBasisPoints
          premiumBasisPoints
          referencePrice {
            market
            observedOn
            price
          }
        }
      }
    }
  }
`);

/** Product: each offer's price and unit, the households who grew it, township price, farmer share. */
export function ProductPage() {
  const { t, language } = useT();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const cycles = useMarketCycle();
  const cycleId = params.get("cycle") ?? cycles.current?.id ?? "";
  const result = useQuery(ShopProductQuery, { variables: { id, cycle: cycleId }, skip: !cycleId });
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [added, setAdded] = useState<string | null>(null);
  if (!result.data)
    return <QueryState {...result} retry={() => void result.refetch()} hasData={false} />;
  const product = result.data.product;
  if (!product)
    return (
      <>
        <h1>{t("product.notFound")}</h1>
        <Link to="/">{t("nav.home")}</Link>
      </>
    );
  const name = pick(language, product.nameZh, product.nameEn);
  const description = pick(language, product.descriptionZh ?? "", product.descriptionEn);
  const canOrder = cycles.isOpen && cycles.current?.id === cycleId;
  return (
    <article>
      <h1>{name}</h1>
      <Placeholder category={product.category} />
      {description && (
        <p lang={language === "en" && !product.descriptionEn ? "zh-CN" : undefined}>
          {description}
        </p>
      )}
      {product.offers.length === 0 && <p>{t("product.noOffer")}</p>}
      {product.offers.map((o) => {
        const variant = pick(language, o.variant.nameZh, o.variant.nameEn);
        const max = Math.min(o.quantityAvailable, o.variant.maxPerOrder);
        const qty = Math.min(quantities[o.id] ?? 1, Math.max(max, 1));
        const ref = o.pricing.referencePrice;
        return (
          <section key={o.id} className="panel" aria-labelledby={`offer-${o.id}`}>
            <h2 id={`offer-${o.id}`}>{variant}</h2>
            <p className="price">
              {t("price.perUnit", { price: money(o.price), unit: t(`unit.${o.unit}`) })}
            </p>
            {o.variant.grams && (
              <p className="small">{t("product.grams", { grams: o.variant.grams })}</p>
            )}
            <dl className="facts">
              <dt>{t("product.township")}</dt>
              <dd>
                {ref ? (
                  <>
                    {t("product.townshipPrice", {
                      price: money(ref.price),
                      day: shortDate(ref.observedOn, language),
                    })}{" "}
                    <span lang="zh-CN">{ref.market}</span>
                  </>
                ) : (
                  t("product.noReference")
                )}
              </dd>
              <dt>{t("product.share")}</dt>
              <dd>
                {t("product.shareText", {
                  share: percent(o.pricing.householdShareBasisPoints, language),
                })}
              </dd>
              {o.pricing.premiumBasisPoints !== null &&
                o.pricing.premiumBasisPoints !== undefined && (
                  <>
                    <dt>{t("product.premium")}</dt>
                    <dd>{percent(o.pricing.premiumBasisPoints, language)}</dd>
                  </>
                )}
              <dt>{t("product.available")}</dt>
              <dd>
                {o.quantityAvailable > 0
                  ? t("offer.left", { count: o.quantityAvailable })
                  : t("offer.soldOut")}
              </dd>
            </dl>
            {canOrder && max > 0 && (
              <div className="row">
                <label htmlFor={`qty-${o.id}`}>{t("cart.quantity")}</label>
                <input
                  id={`qty-${o.id}`}
                  type="number"
                  min={1}
                  max={max}
                  value={qty}
                  onChange={(e) => setQuantities({ ...quantities, [o.id]: Number(e.target.value) })}
                />
                <button
                  type="button"
                  onClick={() => {
                    addOfferToCart(cycleId, product, o, Math.max(1, Math.min(max, qty)));
                    setAdded(o.id);
                  }}
                >
                  {t("offer.add")}
                </button>
                {added === o.id && (
                  <span role="status">
                    {t("offer.added")} <Link to="/cart">{t("nav.cart", { count: "" })}</Link>
                  </span>
                )}
              </div>
            )}
            <h3>{t("product.growers")}</h3>
            <ul className="growers">
              {o.growers.map((g) => {
                const story = pick(language, g.storyZh ?? "", g.storyEn);
                return (
                  <li key={g.code}>
                    <strong>
                      {g.displayName ? (
                        <span lang="zh-CN">{g.displayName}</span>
                      ) : (
                        t("product.household")
                      )}{" "}
                      ({g.code})
                    </strong>
                    {" · "}
                    {pick(language, g.village.nameZh, g.village.nameEn)}
                    {language === "zh-CN" && `（${g.village.township}）`}
                    {story && <p lang={language === "en" && g.storyEn ? "en" : "zh-CN"}>{story}</p>}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </article>
  );
}
