import type { ObjectLiteral } from "typeorm";
import { Offer } from "../modules/cycle/offer.entity";
import { OrderCycle } from "../modules/cycle/order-cycle.entity";
import { SupplyDeclaration } from "../modules/cycle/supply-declaration.entity";
import { Allocation } from "../modules/intake/allocation.entity";
import { Lot } from "../modules/intake/lot.entity";
import { QualityCheck } from "../modules/intake/quality-check.entity";
import { Adjustment } from "../modules/order/adjustment.entity";
import { OrderLine } from "../modules/order/order-line.entity";
import { Order } from "../modules/order/order.entity";
import { Payment } from "../modules/order/payment.entity";
import { SettlementDeduction } from "../modules/settlement/settlement-deduction.entity";
import { Settlement } from "../modules/settlement/settlement.entity";
import { TrustEventAttendance } from "../modules/trust/trust-event-attendance.entity";
import { TrustEventHousehold } from "../modules/trust/trust-event-household.entity";
import { TrustEvent } from "../modules/trust/trust-event.entity";
import type { DemoWorld } from "./plan/build-demo-world";
import { shanghaiDate } from "./plan/calendar";
import { table, type TableRows } from "./table-rows";

/** The order cycles and everything that trades in them, in foreign-key order. */
export function tradeTables(world: DemoWorld): TableRows<ObjectLiteral>[] {
  const cycleOf = new Map(world.orderCycles.map((c) => [c.id, c]));
  const lineCycleOpen = new Set(
    world.orders.filter((o) => cycleOf.get(o.orderCycleId)?.state === "OPEN").map((o) => o.id),
  );
  return [
    table(
      "order_cycles",
      OrderCycle,
      world.orderCycles.map((c) => ({
        id: c.id,
        producerGroupId: c.producerGroupId,
        code: c.code,
        state: c.state,
        declarationOpensOn: shanghaiDate(c.declarationOpensAt),
        opensAt: c.opensAt,
        closesAt: c.closesAt,
        deliveryOn: c.deliveryDate,
        createdAt: c.createdAt,
        updatedAt: c.settledAt ?? c.createdAt,
      })),
    ),
    table(
      "supply_declarations",
      SupplyDeclaration,
      world.supplyDeclarations.map((d) => ({
        id: d.id,
        producerGroupId: d.producerGroupId,
        orderCycleId: d.orderCycleId,
        householdId: d.householdId,
        variantId: d.variantId,
        quantity: d.quantity,
        declaredAt: d.declaredAt,
        recordedByUserId: null,
      })),
    ),
    table(
      "offers",
      Offer,
      world.offers.map((o) => ({
        id: o.id,
        producerGroupId: o.producerGroupId,
        orderCycleId: o.orderCycleId,
        variantId: o.variantId,
        priceFen: o.consumerPriceFen,
        producerPriceFen: o.producerPriceFen,
        quantityTotal: o.quantityOffered,
        quantityReserved: o.quantityReserved,
        buffer: o.buffer,
        createdAt: o.createdAt,
        updatedAt: o.createdAt,
      })),
    ),
    table(
      "orders",
      Order,
      world.orders.map((o) => ({
        id: o.id,
        producerGroupId: o.producerGroupId,
        orderCycleId: o.orderCycleId,
        consumerHouseholdId: o.consumerHouseholdId,
        pickupPointId: o.pickupPointId,
        state: o.state,
        paymentState: o.paymentState,
        totalFen: o.totalFen,
        idempotencyKey: o.idempotencyKey,
        placedAt: o.placedAt,
        updatedAt: o.pickedUpAt ?? o.placedAt,
      })),
    ),
    table(
      "order_lines",
      OrderLine,
      world.orderLines.map((l) => ({
        id: l.id,
        producerGroupId: l.producerGroupId,
        orderId: l.orderId,
        offerId: l.offerId,
        variantId: l.variantId,
        productNameZh: l.productNameZh,
        productNameEn: l.productNameEn,
        variantNameZh: l.variantNameZh,
        variantNameEn: l.variantNameEn,
        unitPriceFen: l.unitPriceFen,
        quantity: l.quantity,
        lineTotalFen: l.lineTotalFen,
        quantityAccepted: lineCycleOpen.has(l.orderId) ? null : l.quantityDelivered,
      })),
    ),
    table(
      "payments",
      Payment,
      world.payments.map((p) => ({
        id: p.id,
        producerGroupId: p.producerGroupId,
        orderId: p.orderId,
        amountFen: p.amountFen,
        method: p.method,
        reference: p.reference,
        paidAt: p.paidAt,
        recordedByUserId: p.recordedByUserId,
      })),
    ),
    table(
      "lots",
      Lot,
      world.lots.map((l) => {
        const closesAt = cycleOf.get(l.orderCycleId)?.closesAt ?? world.now;
        return {
          id: l.id,
          producerGroupId: l.producerGroupId,
          orderCycleId: l.orderCycleId,
          householdId: l.householdId,
          variantId: l.variantId,
          supplyDeclarationId: l.supplyDeclarationId,
          state: l.state,
          quantityDeclared: l.quantityDeclared,
          quantityAllocated: l.quantityAllocated,
          quantityReceived: l.quantityAllocated,
          quantityAccepted: l.quantityAccepted,
          createdAt: closesAt,
          updatedAt: closesAt,
        };
      }),
    ),
    table(
      "allocations",
      Allocation,
      world.allocations.map((a) => ({
        id: a.id,
        producerGroupId: a.producerGroupId,
        orderLineId: a.orderLineId,
        lotId: a.lotId,
        quantity: a.quantity,
        rank: a.rank,
        reason: a.reason,
      })),
    ),
    table(
      "quality_checks",
      QualityCheck,
      world.qualityChecks.map((q) => ({
        id: q.id,
        producerGroupId: q.producerGroupId,
        lotId: q.lotId,
        checkedOn: shanghaiDate(q.checkedAt),
        checkedByUserId: q.checkedByUserId,
        quantityReceived: q.quantityReceived,
        quantityAccepted: q.quantityAccepted,
        result: q.outcome,
        reason: q.reason,
        note: q.noteZh,
        createdAt: q.checkedAt,
      })),
    ),
    table(
      "adjustments",
      Adjustment,
      world.orderAdjustments.map((a) => ({
        id: a.id,
        producerGroupId: a.producerGroupId,
        orderId: a.orderId,
        orderLineId: a.orderLineId,
        qualityCheckId: a.qualityCheckId,
        kind: a.kind,
        amountFen: a.amountFen,
        reason: `${a.reason}: ${a.quantity} unit(s) rejected at intake`,
        createdAt: a.createdAt,
      })),
    ),
    table(
      "settlements",
      Settlement,
      world.settlements.map((s) => ({
        id: s.id,
        producerGroupId: s.producerGroupId,
        orderCycleId: s.orderCycleId,
        householdId: s.householdId,
        state: s.state,
        grossFen: s.grossFen,
        deductionsFen: s.deductionsFen,
        adjustmentsFen: s.adjustmentsFen,
        netFen: s.netFen,
        calculatedAt: s.calculatedAt,
        approvedAt: s.approvedAt,
        approvedByUserId: s.approvedByUserId,
        paidOn: shanghaiDate(s.paidAt),
        paidMethod: s.payoutMethod,
        payoutReference: s.payoutReference,
        acknowledgedAt: s.acknowledgedAt,
        updatedAt: s.acknowledgedAt ?? s.paidAt,
      })),
    ),
    table(
      "settlement_deductions",
      SettlementDeduction,
      world.settlementDeductions.map((d) => ({
        id: d.id,
        producerGroupId: d.producerGroupId,
        settlementId: d.settlementId,
        feeRuleId: d.feeRuleId,
        kind: d.kind,
        amountFen: d.amountFen,
      })),
    ),
    table(
      "trust_events",
      TrustEvent,
      world.trustEvents.map((e) => ({
        id: e.id,
        producerGroupId: e.producerGroupId,
        kind: e.kind,
        titleZh: e.titleZh,
        titleEn: e.titleEn,
        villageId: e.villageId,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        capacity: e.capacityPeople,
        openToConsumers: e.openToConsumers,
        notes: e.descriptionZh,
        createdAt: new Date(e.startsAt.getTime() - 30 * 86_400_000),
      })),
    ),
    table(
      "trust_event_attendances",
      TrustEventAttendance,
      world.trustEventAttendance.flatMap((a) =>
        a.consumerHouseholdId === null
          ? []
          : [
              {
                id: a.id,
                producerGroupId: a.producerGroupId,
                trustEventId: a.trustEventId,
                consumerHouseholdId: a.consumerHouseholdId,
                people: a.peopleCount,
                state: a.state,
                createdAt: a.signedUpAt,
              },
            ],
      ),
    ),
    table(
      "trust_event_households",
      TrustEventHousehold,
      world.trustEventAttendance.flatMap((a) =>
        a.householdId === null
          ? []
          : [
              {
                trustEventId: a.trustEventId,
                householdId: a.householdId,
                producerGroupId: a.producerGroupId,
              },
            ],
      ),
    ),
  ];
}
