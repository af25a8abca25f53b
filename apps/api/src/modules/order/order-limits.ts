// The numbers only, so that config.ts can read them without loading GraphQL types.

/**
 * Ordering operations (placeOrder, changeOrder, cancelOrder) one consumer household's account
 * may make in {@link ORDER_WINDOW_SECONDS}. A household orders about once a month (one order
 * cycle): placing an order and changing or cancelling it a few times is about ten operations in
 * one sitting, so 30 an hour leaves room for a household that keeps editing its basket, while a
 * script that reserves and releases stock over and over (holding scarce eggs away from other
 * households) is stopped within minutes.
 */
export const ORDER_OPERATIONS_PER_HOUSEHOLD = 30;
/**
 * Ordering operations allowed from one client address in {@link ORDER_WINDOW_SECONDS}: a
 * residential compound or office behind one NAT address may hold dozens of households that all
 * order the evening a cycle opens (30 households × 10 operations = 300).
 */
export const ORDER_OPERATIONS_PER_ADDRESS = 300;
/** The window of both ordering limits: one hour, after which the count starts again. */
export const ORDER_WINDOW_SECONDS = 60 * 60;
