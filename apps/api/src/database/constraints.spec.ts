import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { AuditLogEntry } from "../modules/audit/audit-log-entry.entity";
import { Product } from "../modules/catalog/product.entity";
import { Offer } from "../modules/cycle/offer.entity";
import { OrderCycle } from "../modules/cycle/order-cycle.entity";
import { SupplyDeclaration } from "../modules/cycle/supply-declaration.entity";
import { Lot } from "../modules/intake/lot.entity";
import { User } from "../modules/identity/user.entity";
import { OrderLine } from "../modules/order/order-line.entity";
import { Settlement } from "../modules/settlement/settlement.entity";
import { TrustEvent } from "../modules/trust/trust-event.entity";
import { TrustEventAttendance } from "../modules/trust/trust-event-attendance.entity";
import { refusal } from "../test/database-errors";
import { createSmallMarket, type SmallMarket } from "../test/market-fixtures";
import { createMigratedDataSource } from "../test/test-database";

const CHECK_VIOLATION = "23514";
const RESTRICT_VIOLATION = "23001";
/** PostgreSQL reports an ON DELETE RESTRICT refusal as a foreign key violation. */
const FOREIGN_KEY_VIOLATION = "23503";
const UNIQUE_VIOLATION = "23505";

describe("the database refuses rows that break the market's rules", () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let market: SmallMarket;

  beforeAll(async () => {
    ({ dataSource, close } = await createMigratedDataSource("constraints"));
    market = await createSmallMarket(dataSource);
  });
  afterAll(async () => {
    await close();
  });

  describe("offers", () => {
    it("cannot reserve more than the offer's total, even by an atomic increment", async () => {
      // 10 jin on offer; the placing transaction reserves 7, then a racing order asks for 4.
      const reserve = (quantity: number) =>
        dataSource.query(
          `UPDATE offers SET quantity_reserved = quantity_reserved + $1 WHERE id = $2`,
          [quantity, market.offer.id],
        );
      await reserve(7);
      const refused = await refusal(reserve(4));
      expect(refused.code).toBe(CHECK_VIOLATION);
      expect(refused.constraint).toMatch(/^ck_offers_quantity_reserved_quantity_total_/);
      const offer = await dataSource.manager.findOneByOrFail(Offer, { id: market.offer.id });
      expect(offer.quantityReserved).toBe(7);
      // The last 3 jin can still be sold: exactly the total is allowed.
      await reserve(3);
      expect(
        (await dataSource.manager.findOneByOrFail(Offer, { id: market.offer.id })).quantityReserved,
      ).toBe(10);
    });

    it("refuses a producer price above the consumer price", async () => {
      const refused = await refusal(
        dataSource.manager.update(Offer, { id: market.offer.id }, { producerPriceFen: 1601 }),
      );
      expect(refused.code).toBe(CHECK_VIOLATION);
      expect(refused.constraint).toMatch(/^ck_offers_producer_price_fen_price_fen_/);
      // Paying the household the whole consumer price is allowed.
      await dataSource.manager.update(Offer, { id: market.offer.id }, { producerPriceFen: 1600 });
    });

    it("allows one offer per variant in a cycle", async () => {
      const { producerGroup, orderCycle, variant } = market;
      const refused = await refusal(
        dataSource.manager.insert(Offer, {
          producerGroupId: producerGroup.id,
          orderCycleId: orderCycle.id,
          variantId: variant.id,
          priceFen: 1500,
          producerPriceFen: 1100,
          quantityTotal: 5,
        }),
      );
      expect(refused.code).toBe(UNIQUE_VIOLATION);
      expect(refused.constraint).toBe("uq_offers_order_cycle_id_variant_id");
    });
  });

  describe("order cycles and lots", () => {
    it("refuses an ordering window that closes before it opens", async () => {
      const refused = await refusal(
        dataSource.manager.insert(OrderCycle, {
          producerGroupId: market.producerGroup.id,
          code: "2011-05",
          declarationOpensOn: "2011-04-25",
          opensAt: new Date("2011-05-10T16:00:00Z"),
          closesAt: new Date("2011-05-01T16:00:00Z"),
          deliveryOn: "2011-05-14",
        }),
      );
      expect(refused.code).toBe(CHECK_VIOLATION);
      expect(refused.constraint).toMatch(/^ck_order_cycles_opens_at_closes_at_/);
    });

    it("a lot cannot accept more than the household brought, nor allocate more than it declared", async () => {
      const declaration = await dataSource.manager.save(SupplyDeclaration, {
        producerGroupId: market.producerGroup.id,
        orderCycleId: market.orderCycle.id,
        householdId: market.household.id,
        variantId: market.variant.id,
        quantity: 12,
      });
      const lot = await dataSource.manager.save(Lot, {
        producerGroupId: market.producerGroup.id,
        orderCycleId: market.orderCycle.id,
        householdId: market.household.id,
        variantId: market.variant.id,
        supplyDeclarationId: declaration.id,
        quantityDeclared: 12,
        quantityAllocated: 10,
      });
      const overAllocated = await refusal(
        dataSource.manager.update(Lot, { id: lot.id }, { quantityAllocated: 13 }),
      );
      expect(overAllocated.constraint).toMatch(/^ck_lots_quantity_allocated_quantity_declared_/);
      const overAccepted = await refusal(
        dataSource.manager.update(
          Lot,
          { id: lot.id },
          { quantityReceived: 10, quantityAccepted: 11 },
        ),
      );
      expect(overAccepted.constraint).toMatch(/^ck_lots_quantity_accepted_quantity_received_/);
      // 10 jin brought, 1 jin handed back as cracked: 9 accepted is fine.
      await dataSource.manager.update(
        Lot,
        { id: lot.id },
        { quantityReceived: 10, quantityAccepted: 9 },
      );
    });
  });

  describe("order lines", () => {
    const line = (unitPriceFen: number, quantity: number, lineTotalFen: number) => ({
      producerGroupId: market.producerGroup.id,
      orderId: market.order.id,
      offerId: market.offer.id,
      variantId: market.variant.id,
      productNameZh: "柴鸡蛋",
      productNameEn: "Free-range eggs",
      variantNameZh: "散装1斤",
      variantNameEn: "Loose, per jin",
      unitPriceFen,
      quantity,
      lineTotalFen,
    });

    it("refuses a line total other than unit price × quantity", async () => {
      // 2 jin at ¥16.00 are ¥32.00 = 3200 fen, not 3000.
      const refused = await refusal(dataSource.manager.insert(OrderLine, line(1600, 2, 3000)));
      expect(refused.code).toBe(CHECK_VIOLATION);
      expect(refused.constraint).toMatch(/^ck_order_lines_line_total_fen_unit_price_fen_quantity_/);
      await dataSource.manager.insert(OrderLine, line(1600, 2, 3200));
    });
  });

  describe("history is never destroyed", () => {
    it("refuses to delete a product that a variant still refers to", async () => {
      const refused = await refusal(
        dataSource.query(`DELETE FROM products WHERE id = $1`, [market.product.id]),
      );
      expect(refused.code).toBe(FOREIGN_KEY_VIOLATION);
      expect(refused.constraint).toBe("fk_variants_product_id");
      // Retiring a product is a soft delete: the row stays, hidden from ordinary finds.
      await dataSource.manager.softDelete(Product, { id: market.product.id });
      expect(await dataSource.manager.findOneBy(Product, { id: market.product.id })).toBeNull();
      const kept = await dataSource.manager.findOne(Product, {
        where: { id: market.product.id },
        withDeleted: true,
      });
      expect(kept?.deletedAt).toBeInstanceOf(Date);
    });

    it("the audit log refuses UPDATE and DELETE but takes new entries", async () => {
      const entry = await dataSource.manager.save(AuditLogEntry, {
        actorUserId: market.staff.id,
        action: "household.update",
        entityType: "Household",
        entityId: market.household.id,
        before: { size: 3 },
        after: { size: 4 },
      });

      const updated = await refusal(
        dataSource.query(`UPDATE audit_log SET after = '{"size": 5}' WHERE id = $1`, [entry.id]),
      );
      expect(updated.code).toBe(RESTRICT_VIOLATION);
      expect(updated.message).toBe("audit_log is append-only: UPDATE refused");

      const deleted = await refusal(
        dataSource.query(`DELETE FROM audit_log WHERE id = $1`, [entry.id]),
      );
      expect(deleted.message).toBe("audit_log is append-only: DELETE refused");

      const truncated = await refusal(dataSource.query(`TRUNCATE audit_log`));
      expect(truncated.message).toBe("audit_log is append-only: TRUNCATE refused");

      const kept = await dataSource.manager.findOneByOrFail(AuditLogEntry, { id: entry.id });
      expect(kept.after).toEqual({ size: 4 });
    });
  });

  describe("settlements", () => {
    const settlement = (
      grossFen: number,
      deductionsFen: number,
      adjustmentsFen: number,
      netFen: number,
    ) => ({
      producerGroupId: market.producerGroup.id,
      orderCycleId: market.orderCycle.id,
      householdId: market.household.id,
      state: "CALCULATED" as const,
      grossFen,
      deductionsFen,
      adjustmentsFen,
      netFen,
    });

    it("refuses a net that is not gross − deductions + adjustments", async () => {
      // 20 jin × ¥12.00 = 24000 fen gross, 5% group fund = 1200, one jin taken back = −1200:
      // the household is paid 24000 − 1200 − 1200 = 21600 fen.
      const refused = await refusal(
        dataSource.manager.insert(Settlement, settlement(24000, 1200, -1200, 22800)),
      );
      expect(refused.code).toBe(CHECK_VIOLATION);
      expect(refused.constraint).toMatch(/^ck_settlements_net_fen_gross_fen_deductions_fen_/);
      await dataSource.manager.insert(Settlement, settlement(24000, 1200, -1200, 21600));
    });

    it("allows one settlement per household and cycle, apart from corrections", async () => {
      const refused = await refusal(
        dataSource.manager.insert(Settlement, settlement(100, 0, 0, 100)),
      );
      expect(refused.code).toBe(UNIQUE_VIOLATION);
      expect(refused.constraint).toBe("uq_settlements_order_cycle_id_household_id_original");
    });
  });

  describe("people and sign-ups", () => {
    it("treats e-mail addresses that differ only in case as the same account", async () => {
      const refused = await refusal(
        dataSource.manager.insert(User, {
          email: "STAFF1@Example.org",
          passwordHash: "x",
          role: "STAFF",
          displayName: "another",
        }),
      );
      expect(refused.code).toBe(UNIQUE_VIOLATION);
      expect(refused.constraint).toBe("uq_users_email_lower");
    });

    it("refuses a user with neither e-mail nor phone", async () => {
      const refused = await refusal(
        dataSource.manager.insert(User, {
          passwordHash: "x",
          role: "CONSUMER",
          displayName: "nobody",
        }),
      );
      expect(refused.constraint).toMatch(/^ck_users_email_phone_/);
    });

    it("lets a consumer household sign up for a visit again only after cancelling", async () => {
      const visit = await dataSource.manager.save(TrustEvent, {
        producerGroupId: market.producerGroup.id,
        kind: "VILLAGE_VISIT",
        titleZh: "五一进村",
        titleEn: "May Day village visit",
        villageId: market.village.id,
        startsAt: new Date("2011-05-01T01:00:00Z"),
        endsAt: new Date("2011-05-01T09:00:00Z"),
        capacity: 30,
        openToConsumers: true,
      });
      const signUp = () =>
        dataSource.manager.save(TrustEventAttendance, {
          producerGroupId: market.producerGroup.id,
          trustEventId: visit.id,
          consumerHouseholdId: market.consumerHousehold.id,
          people: 3,
        });
      const first = await signUp();
      const twice = await refusal(signUp());
      expect(twice.constraint).toBe("uq_trust_event_attendances_live_sign_up");
      await dataSource.manager.update(
        TrustEventAttendance,
        { id: first.id },
        { state: "CANCELLED" },
      );
      const again = await signUp();
      expect(again.state).toBe("SIGNED_UP");
    });
  });
});
