import { useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { addOfferToCart } from "../cart/cart.js";
import { Placeholder } from "../components/placeholder.js";
import { QueryState } from "@nested/web-kit";
import { useT } from "../i18n/index.js";
import { dateTime, itemName, localDate, money, pick, timeLeft } from "../lib/format.js";
import { MarketVillagesQuery, ShopOffersQuery } from "./home-queries.js";
import { chooseMarket } from "./market-choice.js";
import { useMarketCycle } from "./use-market-cycle.js";

const CATEGORY_ORDER = [
  "EGGS",
  "POULTRY",
  "PORK",
  "GRAIN",
  "TUBERS",
  "NUTS",
  "HONEY",
  "VEGETABLES",
  "OTHER",
];

function CycleBanner() {
  const { t, language } = useT();
  const cycles = useMarketCycle();
  const { current, next, isOpen } = cycles;
  if (!cycles.data)
    return <QueryState {...cycles} retry={() => void cycles.refetch()} hasData={false} />;
  if (current && isOpen) {
    const left = timeLeft(current.closesAt);
    return (
      <section className="banner" aria-labelledby="cycle-title">
        <h2 id="cycle-title">{t("home.openCycle", { code: current.code })}</h2>
        <p>
          <strong>{t("home.timeLeft", { days: left.days, hours: left.hours })}</strong>{" "}
          {t("home.closesAt", { when: dateTime(current.closesAt, language) })}
        </p>
        <p>{t("home.delivery", { day: localDate(current.deliveryOn, language) })}</p>
      </section>
    );
  }
  const upcoming = current && new Date(current.opensAt).getTime() > Date.now() ? current : next;
  return (
    <section className="banner" aria-labelledby="cycle-title">
      <h2 id="cycle-title">{t("home.closed")}</h2>
      <p>
        {upcoming
          ? t("home.nextOpens", { when: dateTime(upcoming.opensAt, language) })
          : t("home.nothingPlanned")}
      </p>
    </section>
  );
}

function Offers({
  cycleId,
  search,
  canOrder,
}: {
  cycleId: string;
  search: string;
  canOrder: boolean;
}) {
  const { t, language } = useT();
  const result = useQuery(ShopOffersQuery, {
    variables: { cycle: cycleId, search: search || null },
  });
  const [added, setAdded] = useState<string | null>(null);
  const offers = result.data?.offers.items;
  if (!offers)
    return <QueryState {...result} retry={() => void result.refetch()} hasData={false} />;
  if (offers.length === 0)
    return <p role="status">{search ? t("home.noMatch", { search }) : t("home.noOffers")}</p>;
  const byCategory = CATEGORY_ORDER.map((c) => ({
    c,
    items: offers.filter((o) => o.category === c),
  })).filter((g) => g.items.length > 0);
  return (
    <>
      <p className="muted" role="status">
        {search
          ? t("home.found", { count: offers.length, search })
          : t("home.count", { count: offers.length })}
      </p>
      {byCategory.map((group) => (
        <section key={group.c} aria-labelledby={`cat-${group.c}`}>
          <h2 id={`cat-${group.c}`}>{t(`category.${group.c}`)}</h2>
          <ul className="cards">
            {group.items.map((o) => {
              const name = pick(language, o.product.nameZh, o.product.nameEn);
              const variant = pick(language, o.variant.nameZh, o.variant.nameEn);
              const max = Math.min(o.quantityAvailable, o.variant.maxPerOrder);
              return (
                <li key={o.id} className="card">
                  <Placeholder category={o.category} />
                  <h3>
                    <Link to={`/products/${o.product.id}?cycle=${cycleId}`}>{name}</Link>
                  </h3>
                  <p className="muted">{variant}</p>
                  <p className="price">
                    {t("price.perUnit", { price: money(o.price), unit: t(`unit.${o.unit}`) })}
                  </p>
                  <p className="small">
                    {o.quantityAvailable > 0
                      ? t("offer.left", { count: o.quantityAvailable })
                      : t("offer.soldOut")}
                  </p>
                  <p className="small muted">
                    {o.villages
                      .map((v) => pick(language, v.nameZh, v.nameEn))
                      .join(language === "en" ? ", " : "、")}
                  </p>
                  {canOrder && max > 0 && (
                    <button
                      type="button"
                      onClick={() => {
                        addOfferToCart(cycleId, o.product, o, 1);
                        setAdded(o.id);
                      }}
                      aria-label={t("offer.addNamed", {
                        action: t("offer.add"),
                        name: itemName(name, variant),
                      })}
                    >
                      {t("offer.add")}
                    </button>
                  )}
                  {added === o.id && (
                    <span role="status" className="small">
                      {t("offer.added")}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

/** A market's label: the villages its growers come from in the cycle (up to three). */
function MarketLabel({ cycleId }: { cycleId: string }) {
  const { t, language } = useT();
  const result = useQuery(MarketVillagesQuery, { variables: { cycle: cycleId } });
  const villages = new Map<string, string>();
  for (const offer of result.data?.offers.items ?? [])
    for (const v of offer.villages) villages.set(v.id, pick(language, v.nameZh, v.nameEn));
  const names = [...villages.values()];
  if (names.length === 0) return <>{t("home.market")}</>;
  const shown = names.slice(0, 3).join(language === "en" ? ", " : "、");
  return <>{names.length > 3 ? t("home.moreVillages", { villages: shown }) : shown}</>;
}

/** For signed-out visitors when several markets have a cycle: which market's offers to show. */
function MarketSwitch() {
  const { t } = useT();
  const { markets, own, market } = useMarketCycle();
  const open = markets.filter((m) => m.current);
  if (own || open.length < 2) return null;
  return (
    <nav className="row market-switch" aria-label={t("home.markets")}>
      {open.map((m) => (
        <button
          key={m.producerGroupId}
          type="button"
          aria-pressed={m.producerGroupId === market?.producerGroupId}
          onClick={() => chooseMarket(m.producerGroupId)}
        >
          <MarketLabel cycleId={m.current!.id} />
        </button>
      ))}
    </nav>
  );
}

/** Home: the cycle and its time left, search, and the offers by category. */
export function HomePage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const search = params.get("q") ?? "";
  const [draft, setDraft] = useState(search);
  const { current, next, isOpen } = useMarketCycle();
  const shown = current ?? next;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead")}</p>
      <MarketSwitch />
      <CycleBanner />
      <form role="search" className="search" onSubmit={submit}>
        <label htmlFor="search">{t("home.searchLabel")}</label>
        <input id="search" type="search" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">{t("home.search")}</button>
      </form>
      {shown && <Offers cycleId={shown.id} search={search} canOrder={isOpen} />}
    </>
  );
}
