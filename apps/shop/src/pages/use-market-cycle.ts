import { useQuery } from "@apollo/client/react";
import { ShopCyclesQuery } from "./home-queries.js";
import { useChosenMarket } from "./market-choice.js";
import { useViewer } from "./viewer.js";

/**
 * The cycle the shop shows: in the signed-in household's own market, else in the market a
 * signed-out visitor chose, else in the first market whose current cycle is open (else the first
 * market with any cycle).
 */
export function useMarketCycle() {
  const result = useQuery(ShopCyclesQuery);
  const markets = result.data?.currentCycles ?? [];
  const own = useViewer().profile?.producerGroupId;
  const chosen = useChosenMarket();
  const market =
    markets.find((m) => m.producerGroupId === own) ??
    (own ? undefined : markets.find((m) => m.producerGroupId === chosen && m.current)) ??
    markets.find((m) => m.current?.state === "OPEN") ??
    markets.find((m) => m.current) ??
    null;
  const current = market?.current ?? null;
  const isOpen =
    !!current &&
    current.state === "OPEN" &&
    new Date(current.opensAt).getTime() <= Date.now() &&
    Date.now() < new Date(current.closesAt).getTime();
  return {
    ...result,
    markets,
    own: own ?? null,
    market,
    current,
    next: market?.next ?? null,
    isOpen,
  };
}
