import { beforeEach, describe, expect, it } from "vitest";
import { addOfferToCart, cartTotal, clearCart, getCart, limitLine, setQuantity } from "./cart.js";

// Outside a browser there is no localStorage: the cart lives in memory, the rules are the same.
const product = { id: "p1", nameZh: "小米", nameEn: "Millet" };
const offer = (id: string, price: number, available: number, maxPerOrder: number) => ({
  id,
  price,
  unit: "BAG",
  quantityAvailable: available,
  variant: { nameZh: "5斤袋", nameEn: "5-jin bag", maxPerOrder },
});

describe("cart", () => {
  beforeEach(() => clearCart());

  it("caps a line at min(available, most per order) and totals price × quantity", () => {
    addOfferToCart("c1", product, offer("o1", 5450, 3, 10), 2);
    addOfferToCart("c1", product, offer("o1", 5450, 3, 10), 2); // 2 + 2 = 4, capped at 3 left
    addOfferToCart("c1", product, offer("o2", 3740, 50, 2), 5); // capped at 2 per order
    expect(getCart().lines.map((l) => [l.offerId, l.quantity])).toEqual([
      ["o1", 3],
      ["o2", 2],
    ]);
    // 3 × 5450 + 2 × 3740 = 16350 + 7480 = 23830 fen
    expect(cartTotal(getCart())).toBe(23830);
  });

  it("keeps the idempotency key until the order is placed, and empties for another cycle", () => {
    addOfferToCart("c1", product, offer("o1", 100, 9, 9), 1);
    const key = getCart().idempotencyKey;
    setQuantity("o1", 4);
    limitLine("o1", 2); // sold down to 2: the maximum drops, the chosen 4 stays for the user to fix
    expect(getCart().lines[0]).toMatchObject({ quantity: 4, max: 2 });
    expect(getCart().idempotencyKey).toBe(key);
    addOfferToCart("c2", product, offer("o9", 100, 9, 9), 1);
    expect(getCart().lines.map((l) => l.offerId)).toEqual(["o9"]);
    clearCart();
    expect(getCart().idempotencyKey).not.toBe(key);
  });
});
