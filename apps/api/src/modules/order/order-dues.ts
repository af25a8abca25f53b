import { orderAmountDueFen, type OrderState, type PaymentState } from "@nested/domain";
import type { RequestContext } from "../../graphql/request-context";

/** An order's money as recorded: what it owes and what was paid, in fen. */
export interface OrderDue {
  orderId: string;
  state: OrderState;
  paymentState: PaymentState;
  /** Σ payments received. */
  paidFen: number;
  /** `orderAmountDueFen` (domain): Σ line totals − REFUND − CREDIT + CHARGE; 0 when cancelled. */
  dueFen: number;
}

interface DueRow {
  id: string;
  state: OrderState;
  payment_state: PaymentState;
  lines_fen: number;
  refund_fen: number;
  credit_fen: number;
  charge_fen: number;
  paid_fen: number;
}

/**
 * {@link OrderDue} of the orders matching `where` (SQL over `orders o`, parameters `params`),
 * computed from the line, adjustment and payment rows in one query, ordered by id.
 */
async function duesWhere(
  ctx: RequestContext,
  where: string,
  params: unknown[],
): Promise<OrderDue[]> {
  const rows: DueRow[] = await ctx.manager.query(
    `SELECT o.id, o.state, o.payment_state,
       COALESCE((SELECT SUM(l.line_total_fen) FROM order_lines l WHERE l.order_id = o.id), 0)::int AS lines_fen,
       COALESCE((SELECT SUM(a.amount_fen) FILTER (WHERE a.kind = 'REFUND') FROM adjustments a WHERE a.order_id = o.id), 0)::int AS refund_fen,
       COALESCE((SELECT SUM(a.amount_fen) FILTER (WHERE a.kind = 'CREDIT') FROM adjustments a WHERE a.order_id = o.id), 0)::int AS credit_fen,
       COALESCE((SELECT SUM(a.amount_fen) FILTER (WHERE a.kind = 'CHARGE') FROM adjustments a WHERE a.order_id = o.id), 0)::int AS charge_fen,
       COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.order_id = o.id), 0)::int AS paid_fen
     FROM orders o WHERE ${where} ORDER BY o.id`,
    params,
  );
  return rows.map((r) => ({
    orderId: r.id,
    state: r.state,
    paymentState: r.payment_state,
    paidFen: r.paid_fen,
    dueFen: orderAmountDueFen({
      cancelled: r.state === "CANCELLED",
      lineTotalsFen: [r.lines_fen],
      adjustments: [
        { kind: "REFUND", amountFen: r.refund_fen },
        { kind: "CREDIT", amountFen: r.credit_fen },
        { kind: "CHARGE", amountFen: r.charge_fen },
      ],
    }),
  }));
}

/** {@link OrderDue} of every order of a cycle. */
export function cycleOrderDues(ctx: RequestContext, orderCycleId: string): Promise<OrderDue[]> {
  return duesWhere(ctx, "o.order_cycle_id = $1", [orderCycleId]);
}

/** {@link OrderDue} of the given orders, by order id. */
export async function orderDuesById(
  ctx: RequestContext,
  orderIds: readonly string[],
): Promise<Map<string, OrderDue>> {
  const dues = await duesWhere(ctx, "o.id = ANY($1::uuid[])", [[...orderIds]]);
  return new Map(dues.map((d) => [d.orderId, d]));
}
