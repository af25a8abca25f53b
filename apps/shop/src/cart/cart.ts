import { useSyncExternalStore } from "react";

/** What the cart remembers of an offer, so it can be shown without the network. */
export interface CartLine {
  offerId: string;
  productId: string;
  quantity: number;
  nameZh: string;
  nameEn: string;
  variantZh: string;
  variantEn: string;
  /** Consumer price of one unit, fen. */
  price: number;
  unit: string;
  /** Most units allowed: min(available when last seen, most per order). */
  max: number;
}

/** The cart: lines of one cycle and the idempotency key of the order it will become. */
export interface Cart {
  cycleId: string | null;
  lines: CartLine[];
  /** Chosen once per order, kept across reloads and retries; new after an order is placed. */
  idempotencyKey: string;
}

const KEY = "nm-shop-cart-v1";
const listeners = new Set<() => void>();

function newKey(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `k-${Date.now()}-${Math.random().toString(36).slice(2)}`
  );
}

function empty(): Cart {
  return { cycleId: null, lines: [], idempotencyKey: newKey() };
}

function load(): Cart {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return empty();
    const cart = JSON.parse(raw) as Cart;
    return Array.isArray(cart.lines) && cart.idempotencyKey ? cart : empty();
  } catch {
    return empty();
  }
}

let current: Cart = load();

function save(next: Cart): void {
  current = next;
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // storage full or blocked: the cart lasts for this page only
  }
  listeners.forEach((listener) => listener());
}

/** Adds units of an offer (capped at `line.max`); a line from another cycle empties the cart first. */
export function addToCart(cycleId: string, line: CartLine): void {
  const base = current.cycleId === cycleId ? current : { ...empty(), cycleId };
  const existing = base.lines.find((l) => l.offerId === line.offerId);
  const quantity = Math.min(line.max, (existing?.quantity ?? 0) + line.quantity);
  const lines = existing
    ? base.lines.map((l) => (l.offerId === line.offerId ? { ...line, quantity } : l))
    : [...base.lines, { ...line, quantity }];
  save({ ...base, lines });
}

/** The offer fields a cart line is made from. */
export interface OfferForCart {
  id: string;
  price: number;
  unit: string;
  quantityAvailable: number;
  variant: { nameZh: string; nameEn: string; maxPerOrder: number };
}

/**
 * Adds `quantity` units of an offer of `product` to the cart, at most what is available and what
 * one order may hold.
 */
export function addOfferToCart(
  cycleId: string,
  product: { id: string; nameZh: string; nameEn: string },
  offer: OfferForCart,
  quantity: number,
): void {
  addToCart(cycleId, {
    offerId: offer.id,
    productId: product.id,
    quantity,
    nameZh: product.nameZh,
    nameEn: product.nameEn,
    variantZh: offer.variant.nameZh,
    variantEn: offer.variant.nameEn,
    price: offer.price,
    unit: offer.unit,
    max: Math.min(offer.quantityAvailable, offer.variant.maxPerOrder),
  });
}

/** Sets a line's quantity (0 removes it), within 0…max. */
export function setQuantity(offerId: string, quantity: number): void {
  const lines = current.lines
    .map((l) =>
      l.offerId === offerId ? { ...l, quantity: Math.max(0, Math.min(l.max, quantity)) } : l,
    )
    .filter((l) => l.quantity > 0);
  save({ ...current, lines });
}

/** Lowers a line's maximum to what the market says is left (after a sold-out refusal). */
export function limitLine(offerId: string, available: number): void {
  save({
    ...current,
    lines: current.lines.map((l) =>
      l.offerId === offerId ? { ...l, max: Math.min(l.max, available) } : l,
    ),
  });
}

/** Empties the cart after an order was placed; the next order gets a new idempotency key. */
export function clearCart(): void {
  save(empty());
}

/** The cart as it is now (outside React). */
export function getCart(): Cart {
  return current;
}

/** Σ price × quantity of the lines, fen. */
export function cartTotal(cart: Cart): number {
  return cart.lines.reduce((sum, l) => sum + l.price * l.quantity, 0);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) {
      current = load();
      listener();
    }
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The cart, kept in localStorage so it survives a reload (and follows other tabs). */
export function useCart(): Cart {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => current,
  );
}
