import { describe, expect, it } from "vitest";
import {
  MEMBERSHIP_STATES,
  POVERTY_STATUSES,
  membershipMachine,
  povertyStatusMachine,
} from "./household.js";
import { LOT_STATES, lotMachine } from "./lot.js";
import type { StateMachine } from "./machine.js";
import { ORDER_CYCLE_STATES, orderCycleMachine } from "./order-cycle.js";
import { ORDER_STATES, PAYMENT_STATES, orderMachine, paymentMachine } from "./order.js";
import { SETTLEMENT_STATES, settlementMachine } from "./settlement.js";
import { TransitionError } from "./transition-error.js";

/**
 * The expected transitions of each machine, written out independently of the implementation as
 * "FROM>TO" pairs, from DESIGN.md "State machines" and the decisions documented on each machine.
 * Every pair not listed must be refused.
 */
const cases: {
  name: string;
  machine: StateMachine<string>;
  stateNames: readonly string[];
  allowed: readonly string[];
  final: readonly string[];
}[] = [
  {
    name: "order cycle",
    machine: orderCycleMachine,
    stateNames: ORDER_CYCLE_STATES,
    allowed: [
      "DRAFT>DECLARING",
      "DECLARING>OPEN",
      "OPEN>CLOSED",
      "CLOSED>ALLOCATED",
      "ALLOCATED>COLLECTING",
      "COLLECTING>PACKED",
      "PACKED>DISPATCHED",
      "DISPATCHED>DELIVERED",
      "DELIVERED>SETTLING",
      "SETTLING>SETTLED",
      "SETTLED>ARCHIVED",
      "DRAFT>CANCELLED",
      "DECLARING>CANCELLED",
      "OPEN>CANCELLED",
    ],
    final: ["ARCHIVED", "CANCELLED"],
  },
  {
    name: "order",
    machine: orderMachine,
    stateNames: ORDER_STATES,
    allowed: [
      "PLACED>LOCKED",
      "LOCKED>ALLOCATED",
      "ALLOCATED>READY",
      "READY>DELIVERED",
      "DELIVERED>PICKED_UP",
      "DELIVERED>NO_SHOW",
      "PICKED_UP>CLOSED",
      "NO_SHOW>CLOSED",
      "PLACED>CANCELLED",
      "LOCKED>CANCELLED",
      "ALLOCATED>CANCELLED",
    ],
    final: ["CLOSED", "CANCELLED"],
  },
  {
    name: "order payment",
    machine: paymentMachine,
    stateNames: PAYMENT_STATES,
    allowed: [
      "UNPAID>PAID",
      "PAID>BALANCE_DUE",
      "PAID>CREDIT_OWED",
      "PAID>SETTLED",
      "BALANCE_DUE>SETTLED",
      "CREDIT_OWED>SETTLED",
      "CREDIT_OWED>REFUNDED",
    ],
    final: ["SETTLED", "REFUNDED"],
  },
  {
    name: "lot",
    machine: lotMachine,
    stateNames: LOT_STATES,
    allowed: [
      "DECLARED>ALLOCATED",
      "ALLOCATED>RECEIVED",
      "RECEIVED>ACCEPTED",
      "RECEIVED>PARTIAL",
      "RECEIVED>REJECTED",
      "ACCEPTED>PACKED",
      "PARTIAL>PACKED",
      "PACKED>SOLD",
    ],
    final: ["REJECTED", "SOLD"],
  },
  {
    name: "settlement",
    machine: settlementMachine,
    stateNames: SETTLEMENT_STATES,
    allowed: [
      "DRAFT>CALCULATED",
      "CALCULATED>APPROVED",
      "APPROVED>PAID",
      "PAID>ACKNOWLEDGED",
      "CALCULATED>DISPUTED",
      "APPROVED>DISPUTED",
      "PAID>DISPUTED",
      "DISPUTED>ADJUSTED",
      "ADJUSTED>DISPUTED",
      "ADJUSTED>APPROVED",
    ],
    final: ["ACKNOWLEDGED"],
  },
  {
    name: "household membership",
    machine: membershipMachine,
    stateNames: MEMBERSHIP_STATES,
    allowed: [
      "APPLIED>ACTIVE",
      "APPLIED>LEFT",
      "ACTIVE>SUSPENDED",
      "SUSPENDED>ACTIVE",
      "SUSPENDED>LEFT",
      "ACTIVE>LEFT",
    ],
    final: ["LEFT"],
  },
  {
    name: "poverty status",
    machine: povertyStatusMachine,
    stateNames: POVERTY_STATUSES,
    allowed: [
      "NOT_REGISTERED>REGISTERED",
      "REGISTERED>EXITED",
      "EXITED>MONITORED",
      "EXITED>RETURNED",
      "MONITORED>RETURNED",
      "RETURNED>REGISTERED",
    ],
    final: [],
  },
];

describe.each(cases)("$name machine", ({ name, machine, stateNames, allowed, final }) => {
  const expected = new Set(allowed);
  const pairs = stateNames.flatMap((from) => stateNames.map((to) => [from, to] as const));

  it("has exactly the exported states, in the exported order", () => {
    expect(machine.states).toEqual(stateNames);
    expect(machine.entity).toBe(name);
  });

  it("lists only pairs that exist", () => {
    for (const pair of allowed) {
      const [from, to] = pair.split(">");
      expect(stateNames).toContain(from);
      expect(stateNames).toContain(to);
    }
  });

  it.each(pairs)("%s → %s follows the table", (from, to) => {
    const ok = expected.has(`${from}>${to}`);
    const nextExpected = stateNames.filter((s) => expected.has(`${from}>${s}`));
    expect(machine.canTransition(from, to)).toBe(ok);
    expect([...machine.nextStates(from)].sort()).toEqual([...nextExpected].sort());
    if (ok) {
      expect(machine.checkTransition(from, to)).toEqual({ ok: true });
      expect(() => machine.assertTransition(from, to)).not.toThrow();
    } else {
      const check = machine.checkTransition(from, to);
      expect(check).toEqual({ ok: false, from, to, allowed: machine.nextStates(from) });
      let caught: unknown;
      try {
        machine.assertTransition(from, to);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TransitionError);
      expect((caught as TransitionError).allowed).toEqual(machine.nextStates(from));
      expect((caught as TransitionError).message).toContain(`${name} from ${from} to ${to}`);
    }
  });

  it("has exactly the expected final states", () => {
    expect(stateNames.filter((s) => machine.isTerminal(s))).toEqual(final);
  });
});

describe("examples the admin UI relies on", () => {
  it("an OPEN cycle may close or be cancelled", () => {
    expect(orderCycleMachine.nextStates("OPEN")).toEqual(["CLOSED", "CANCELLED"]);
  });

  it("a refused order transition lists the allowed next states", () => {
    expect(orderMachine.checkTransition("PLACED", "DELIVERED")).toEqual({
      ok: false,
      from: "PLACED",
      to: "DELIVERED",
      allowed: ["LOCKED", "CANCELLED"],
    });
    expect(() => orderMachine.assertTransition("PLACED", "DELIVERED")).toThrow(
      "Cannot move order from PLACED to DELIVERED; allowed next states: LOCKED, CANCELLED.",
    );
  });

  it("a paid order with nothing owed settles directly", () => {
    expect(paymentMachine.canTransition("PAID", "SETTLED")).toBe(true);
  });

  it("a rejected lot is never packed", () => {
    expect(lotMachine.checkTransition("REJECTED", "PACKED")).toEqual({
      ok: false,
      from: "REJECTED",
      to: "PACKED",
      allowed: [],
    });
  });
});
