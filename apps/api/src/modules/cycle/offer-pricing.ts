import { ratioInBasisPoints } from "@nested/domain";
import type { RequestContext } from "../../graphql/request-context";
import { latestReferencePrice } from "../catalog/catalog.loaders";
import type { ReferencePrice } from "../catalog/reference-price.entity";
import type { OfferType } from "./offer.types";

/** An offer's prices compared with the township market and with each other, in basis points. */
export interface OfferPricing {
  referencePrice: ReferencePrice | null;
  /** (producer − reference) / reference in bp; null without a positive reference price. */
  premiumBasisPoints: number | null;
  /** producer / consumer price in bp (the consumer price is always > 0 by a CHECK). */
  householdShareBasisPoints: number;
}

/**
 * Compares an offer's producer price with the latest reference price of its variant (the
 * producer price premium) and with its consumer price (the household's share of each yuan).
 * Exact integer arithmetic, rounded to the nearest basis point, halves away from zero
 * (`ratioInBasisPoints` in @nested/domain). Reference prices are batched per request.
 */
export async function offerPricing(
  ctx: RequestContext,
  offer: Pick<OfferType, "variantId" | "price" | "producerPrice">,
): Promise<OfferPricing> {
  const reference = await latestReferencePrice(ctx).load(offer.variantId);
  return {
    referencePrice: reference,
    premiumBasisPoints:
      reference && reference.priceFen > 0
        ? ratioInBasisPoints(offer.producerPrice - reference.priceFen, reference.priceFen)
        : null,
    householdShareBasisPoints: ratioInBasisPoints(offer.producerPrice, offer.price),
  };
}
