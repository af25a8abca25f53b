import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { cartTotal, clearCart, limitLine, setQuantity, useCart } from "../cart/cart.js";
import { ErrorResultMessage, type ShopErrorResult } from "../components/error-result.js";
import { Failed, QueryState } from "@nested/web-kit";
import { graphql } from "../gql/index.js";
import { useT } from "../i18n/index.js";
import { evictRootFields } from "../lib/apollo.js";
import { itemName, money, pick } from "../lib/format.js";
import { PickupDetails } from "./pickup-details.js";
import { useMarketCycle } from "./use-market-cycle.js";
import { useViewer } from "./viewer.js";

const CheckoutQuery = graphql(`
  query Checkout {
    pickupPoints {
      id
      producerGroupId
      nameZh
      nameEn
      city
      address
      pickupHours
    }
  }
`);

const PlaceOrderMutation = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on Order {
        ...OrderFields
      }
      ... on ErrorResult {
        ...ErrorFields
      }
    }
  }
`);

/** Cart and checkout: quantities within what is left, pickup point, summary, place the order. */
export function CartPage() {
  const { t, language } = useT();
  const cart = useCart();
  const navigate = useNavigate();
  const cycles = useMarketCycle();
  const checkout = useQuery(CheckoutQuery);
  const [pickup, setPickup] = useState<string>("");
  const [refusal, setRefusal] = useState<{ error: ShopErrorResult; name?: string } | null>(null);
  const [place, placing] = useMutation(PlaceOrderMutation, {
    update: (cache) => evictRootFields(cache, ["myOrders", "offers", "product"]),
  });
  const lines = cart.lines;
  const { me, profile } = useViewer();
  const points = (checkout.data?.pickupPoints ?? []).filter(
    (p) => !profile || p.producerGroupId === profile.producerGroupId,
  );
  const pickupId = pickup || profile?.defaultPickupPoint?.id || "";
  const lineName = (offerId: string) => {
    const line = lines.find((l) => l.offerId === offerId);
    return line
      ? itemName(
          pick(language, line.nameZh, line.nameEn),
          pick(language, line.variantZh, line.variantEn),
        )
      : undefined;
  };

  const submit = async () => {
    setRefusal(null);
    if (!cart.cycleId) return;
    const result = await place({
      variables: {
        input: {
          orderCycleId: cart.cycleId,
          pickupPointId: pickupId,
          lines: lines.map((l) => ({ offerId: l.offerId, quantity: l.quantity })),
          idempotencyKey: cart.idempotencyKey,
        },
      },
    }).catch(() => null);
    const answer = result?.data?.placeOrder;
    if (!answer) return;
    if (answer.__typename === "Order") {
      clearCart();
      void navigate(`/orders/${answer.id}?placed=1`);
      return;
    }
    const error = answer as ShopErrorResult & { offerId?: string };
    if (error.__typename === "InsufficientStockError" && error.offerId) {
      limitLine(error.offerId, error.quantityAvailable ?? 0);
    }
    setRefusal({ error, name: error.offerId ? lineName(error.offerId) : undefined });
  };

  if (lines.length === 0)
    return (
      <>
        <h1>{t("cart.title")}</h1>
        <p>{t("cart.empty")}</p>
        <Link to="/">{t("cart.browse")}</Link>
      </>
    );

  const stale = cycles.current && cart.cycleId !== cycles.current.id;
  return (
    <>
      <h1>{t("cart.title")}</h1>
      {stale && <p className="alert">{t("cart.otherCycle")}</p>}
      <section aria-labelledby="lines-title">
        <h2 id="lines-title">{t("cart.lines")}</h2>
        <ul className="lines">
          {lines.map((l) => {
            const name = itemName(
              pick(language, l.nameZh, l.nameEn),
              pick(language, l.variantZh, l.variantEn),
            );
            return (
              <li key={l.offerId} className="line">
                <span className="grow">
                  <Link to={`/products/${l.productId}?cycle=${cart.cycleId}`}>{name}</Link>
                  <br />
                  <span className="small muted">
                    {t("price.perUnit", { price: money(l.price), unit: t(`unit.${l.unit}`) })} ·{" "}
                    {t("cart.atMost", { count: l.max })}
                  </span>
                </span>
                <label className="sr-only" htmlFor={`q-${l.offerId}`}>
                  {t("cart.quantityOf", { name })}
                </label>
                <input
                  id={`q-${l.offerId}`}
                  className="qty"
                  type="number"
                  min={0}
                  max={l.max}
                  value={l.quantity}
                  onChange={(e) => setQuantity(l.offerId, Number(e.target.value))}
                />
                <span className="amount">{money(l.price * l.quantity)}</span>
                <button
                  type="button"
                  className="link"
                  onClick={() => setQuantity(l.offerId, 0)}
                  aria-label={t("cart.removeNamed", { name })}
                >
                  {t("cart.remove")}
                </button>
              </li>
            );
          })}
        </ul>
        <p className="total">
          {t("cart.total")} <strong>{money(cartTotal(cart))}</strong>
        </p>
      </section>
      <section aria-labelledby="checkout-title">
        <h2 id="checkout-title">{t("cart.checkout")}</h2>
        <QueryState {...checkout} retry={() => void checkout.refetch()} hasData={!!checkout.data} />
        {checkout.data && !me && (
          <p>
            {t("cart.signInFirst")} <Link to="/account">{t("nav.account")}</Link>
          </p>
        )}
        {checkout.data && me && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <label htmlFor="pickup">{t("cart.pickup")}</label>
            <select
              id="pickup"
              value={pickupId}
              onChange={(e) => setPickup(e.target.value)}
              required
            >
              <option value="">{t("cart.choosePickup")}</option>
              {points.map((p) => (
                <option key={p.id} value={p.id}>
                  {pick(language, p.nameZh, p.nameEn)}
                </option>
              ))}
            </select>
            {points.find((p) => p.id === pickupId) && (
              <PickupDetails point={points.find((p) => p.id === pickupId)!} />
            )}
            {refusal && <ErrorResultMessage error={refusal.error} name={refusal.name} />}
            {placing.error && <Failed error={placing.error} />}
            <button
              type="submit"
              className="primary"
              disabled={placing.loading || !pickupId || !!stale}
            >
              {placing.loading
                ? t("cart.placing")
                : t("cart.place", { total: money(cartTotal(cart)) })}
            </button>
          </form>
        )}
      </section>
    </>
  );
}
