import { inSeason } from "./catalog";
import { shanghaiDate } from "./calendar";
import type { OrderCycleRecord } from "./cycles";
import { activeOn, type CatalogEntry, type MarketContext } from "./market-context";
import type { DemoRandom } from "./random";
import type { OfferRecord, SupplyDeclarationRecord } from "./trade-types";

/** Eggs are every member's staple; other produce is declared less often (lots worth the trip). */
const SIDELINE_FACTOR = (entry: CatalogEntry): number => (entry.spec.code === "EGG-1JIN" ? 1 : 0.4);

/** At most this many variants declared by one household in one cycle. */
const MAX_DECLARATIONS_PER_HOUSEHOLD = 2;

/**
 * Supply declarations (报货) of a cycle: every ACTIVE member declares up to two in-season variants
 * its livelihood resources produce, between `from` and `until`. `share` < 1 keeps only part of
 * the households (a DECLARING cycle whose window is still running).
 */
export function declareSupply(
  ctx: MarketContext,
  cycle: OrderCycleRecord,
  from: Date,
  until: Date,
  share: number,
  random: DemoRandom,
): SupplyDeclarationRecord[] {
  const month = Number(cycle.code.slice(5, 7));
  const day = shanghaiDate(from);
  const declarations: SupplyDeclarationRecord[] = [];
  for (const membership of ctx.memberships) {
    if (!activeOn(membership, day)) continue;
    if (share < 1 && !random.chance(share)) continue;
    const holdings = ctx.resources.get(membership.householdId);
    const eligible = ctx.catalog.filter(
      (e) =>
        inSeason(e.product, month) && (holdings?.get(e.spec.resource) ?? 0) >= e.spec.minResource,
    );
    const chosen = random.shuffled(
      eligible.filter((e) => random.chance(e.spec.declareChance * SIDELINE_FACTOR(e))),
    );
    for (const entry of chosen.slice(0, MAX_DECLARATIONS_PER_HOUSEHOLD)) {
      declarations.push({
        id: random.uuid(),
        producerGroupId: ctx.group.id,
        orderCycleId: cycle.id,
        householdId: membership.householdId,
        variantId: entry.variant.id,
        quantity: random.int(entry.spec.declare[0], entry.spec.declare[1]),
        declaredAt: new Date(
          from.getTime() + Math.floor(random.float() * (until.getTime() - from.getTime())),
        ),
      });
    }
  }
  return declarations;
}

/**
 * Offers of a cycle: per declared variant, the sum of declarations minus a 10% buffer (at least
 * one unit), priced for the cycle's year.
 */
export function makeOffers(
  ctx: MarketContext,
  cycle: OrderCycleRecord,
  declarations: readonly SupplyDeclarationRecord[],
  random: DemoRandom,
): OfferRecord[] {
  const year = Number(cycle.code.slice(0, 4));
  const offers: OfferRecord[] = [];
  for (const entry of ctx.catalog) {
    const declared = declarations
      .filter((d) => d.variantId === entry.variant.id)
      .reduce((sum, d) => sum + d.quantity, 0);
    const buffer = Math.max(1, Math.ceil(declared * 0.1));
    const quantity = declared - buffer;
    if (quantity <= 0) continue;
    const prices = ctx.prices(entry.spec.code, year);
    offers.push({
      id: random.uuid(),
      producerGroupId: ctx.group.id,
      orderCycleId: cycle.id,
      variantId: entry.variant.id,
      consumerPriceFen: prices.consumerPriceFen,
      producerPriceFen: prices.producerPriceFen,
      referencePriceFen: prices.referencePriceFen,
      quantityOffered: quantity,
      quantityReserved: 0,
      buffer,
      createdAt: new Date(cycle.opensAt.getTime() - 3 * 60 * 60 * 1000),
    });
  }
  return offers;
}

/** The catalogue entry of an offer. */
export function entryOf(ctx: MarketContext, variantId: string): CatalogEntry {
  const entry = ctx.catalog.find((e) => e.variant.id === variantId);
  if (!entry) throw new Error(`unknown variant ${variantId}`);
  return entry;
}
