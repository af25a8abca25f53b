import {
  declarationQuantityProblem,
  MAX_DECLARED_UNITS,
  type OrderCycleState,
} from "@nested/domain";
import { type FieldProblem, InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { inTransaction, type RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { actorOf, recordChange } from "../audit/audit.service";
import { cycleInputRefused, findManagedCycle, type Translate } from "./cycle-scope";
import type { SupplyDeclarationEntry, SupplyDeclarationType } from "./supply.types";

/** The most entries one recorded list may hold (an evening's village round is a few dozen). */
export const MAX_DECLARATION_ENTRIES = 500;

/** States in which households may declare supply: before ordering opens. */
export const DECLARING_STATES: readonly OrderCycleState[] = ["DRAFT", "DECLARING"];

const QUANTITY_MESSAGE = {
  NOT_WHOLE: "cycle.quantityNotWhole",
  NEGATIVE: "cycle.quantityNegative",
  TOO_LARGE: "cycle.quantityTooLarge",
} as const;

/** The declarations recorded by one list, or why none was. */
export type DeclarationsOutcome =
  | { saved: number; removed: number; declarations: SupplyDeclarationType[] }
  | NotFoundError
  | InvalidInputError;

interface DeclarationRow {
  id: string;
  order_cycle_id: string;
  household_id: string;
  household_code: string;
  variant_id: string;
  quantity: number;
  declared_at: Date;
  recorded_by_user_id: string | null;
  product_name_zh: string;
  product_name_en: string;
  variant_name_zh: string;
  variant_name_en: string;
  unit: SupplyDeclarationType["unit"];
}

function toDeclaration(r: DeclarationRow): SupplyDeclarationType {
  return {
    id: r.id,
    orderCycleId: r.order_cycle_id,
    householdId: r.household_id,
    householdCode: r.household_code,
    variantId: r.variant_id,
    quantity: r.quantity,
    declaredAt: r.declared_at,
    recordedByUserId: r.recorded_by_user_id,
    productNameZh: r.product_name_zh,
    productNameEn: r.product_name_en,
    variantNameZh: r.variant_name_zh,
    variantNameEn: r.variant_name_en,
    unit: r.unit,
  };
}

/**
 * The declarations of a cycle the caller manages (optionally of one household), by household
 * code, product and variant name, then id. Unknown cycles, or other groups', have none. One
 * statement.
 */
export async function listDeclarations(
  ctx: RequestContext,
  orderCycleId: string,
  householdId?: string | null,
): Promise<SupplyDeclarationType[]> {
  if (householdId && !isUuid(householdId)) return [];
  const cycle = await findManagedCycle(ctx, orderCycleId);
  if (!cycle) return [];
  const rows: DeclarationRow[] = await ctx.manager.query(
    `SELECT d.id, d.order_cycle_id, d.household_id, h.code AS household_code, d.variant_id,
            d.quantity, d.declared_at, d.recorded_by_user_id, v.unit,
            p.name_zh AS product_name_zh, p.name_en AS product_name_en,
            v.name_zh AS variant_name_zh, v.name_en AS variant_name_en
       FROM supply_declarations d
       JOIN households h ON h.id = d.household_id
       JOIN variants v ON v.id = d.variant_id
       JOIN products p ON p.id = v.product_id
      WHERE d.producer_group_id = $1 AND d.order_cycle_id = $2
        AND ($3::uuid IS NULL OR d.household_id = $3::uuid)
      ORDER BY h.code, p.name_zh, v.name_zh, d.id`,
    [cycle.producerGroupId, cycle.id, householdId ?? null],
  );
  return rows.map(toDeclaration);
}

/** Problems that need no database: quantities, malformed ids, an entry given twice. */
function entryProblems(t: Translate, entries: readonly SupplyDeclarationEntry[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const quantity = declarationQuantityProblem(entry.quantity);
    if (quantity)
      problems.push({
        field: `entries.${i}.quantity`,
        message: t(QUANTITY_MESSAGE[quantity], { max: MAX_DECLARED_UNITS }),
      });
    const key = `${entry.householdId}:${entry.variantId}`;
    if (seen.has(key)) problems.push({ field: `entries.${i}`, message: t("cycle.duplicateEntry") });
    seen.add(key);
  });
  return problems;
}

/**
 * Records a field worker's list of supply declarations (报货) for a cycle the caller manages,
 * all or nothing, while the cycle is DRAFT or DECLARING. Each entry sets the units a household
 * declares of a variant (upsert on cycle, household and variant); quantity 0 removes the
 * declaration. Refused entries are reported by index (`entries.3.householdId`, …): a household
 * that is not an ACTIVE member of the cycle's producer group, an unknown or removed variant, a
 * quantity that is not a whole number from 0 to MAX_DECLARED_UNITS, an entry given twice.
 * `recordedByUserId` is the caller. Each household whose declarations changed gets one
 * `supplyDeclaration.record` row in the audit log (entity `Household`, before and after).
 *
 * @returns the counts and every declaration of the cycle now; NotFoundError for an unknown
 *   cycle or another group's; InvalidInputError (nothing written) for bad entries or a cycle
 *   already OPEN or later (field `state`).
 */
export async function recordDeclarations(
  ctx: RequestContext,
  orderCycleId: string,
  entries: readonly SupplyDeclarationEntry[],
): Promise<DeclarationsOutcome> {
  const t = translatorFor(ctx.locale);
  if (entries.length > MAX_DECLARATION_ENTRIES)
    return cycleInputRefused(t, [
      { field: "entries", message: t("cycle.tooManyEntries", { max: MAX_DECLARATION_ENTRIES }) },
    ]);
  const problems = entryProblems(t, entries);
  return inTransaction(ctx, async (tx) => {
    const cycle = await findManagedCycle(tx, orderCycleId, "share");
    if (!cycle) return new NotFoundError(t("cycle.notFound"));
    if (!DECLARING_STATES.includes(cycle.state))
      return cycleInputRefused(t, [
        { field: "state", message: t("cycle.declarationsClosed", { state: cycle.state }) },
      ]);
    const householdIds = [...new Set(entries.map((e) => e.householdId).filter(isUuid))];
    const variantIds = [...new Set(entries.map((e) => e.variantId).filter(isUuid))];
    const members = new Set(
      (
        (await tx.manager.query(
          `SELECT id FROM households
            WHERE id = ANY($1::uuid[]) AND producer_group_id = $2 AND membership_state = 'ACTIVE'`,
          [householdIds, cycle.producerGroupId],
        )) as { id: string }[]
      ).map((r) => r.id),
    );
    const variants = new Set(
      (
        (await tx.manager.query(
          `SELECT v.id FROM variants v JOIN products p ON p.id = v.product_id
            WHERE v.id = ANY($1::uuid[]) AND v.deleted_at IS NULL AND p.deleted_at IS NULL`,
          [variantIds],
        )) as { id: string }[]
      ).map((r) => r.id),
    );
    entries.forEach((entry, i) => {
      if (!members.has(entry.householdId))
        problems.push({
          field: `entries.${i}.householdId`,
          message: t("cycle.householdNotMember"),
        });
      if (!variants.has(entry.variantId))
        problems.push({ field: `entries.${i}.variantId`, message: t("cycle.variantNotFound") });
    });
    if (problems.length) return cycleInputRefused(t, sortProblems(problems));

    const before = await declarationsOf(tx, cycle.id, householdIds);
    const kept = entries.filter((e) => e.quantity > 0);
    const gone = entries.filter((e) => e.quantity === 0);
    const saved: unknown[] = await tx.manager.query(
      `INSERT INTO supply_declarations
              (producer_group_id, order_cycle_id, household_id, variant_id, quantity, recorded_by_user_id)
       SELECT $1::uuid, $2::uuid, k.household_id, k.variant_id, k.quantity, $6::uuid
         FROM unnest($3::uuid[], $4::uuid[], $5::int[]) AS k(household_id, variant_id, quantity)
       ON CONFLICT (order_cycle_id, household_id, variant_id) DO UPDATE
          SET quantity = EXCLUDED.quantity, declared_at = now(),
              recorded_by_user_id = EXCLUDED.recorded_by_user_id
        WHERE supply_declarations.quantity <> EXCLUDED.quantity
       RETURNING id`,
      [
        cycle.producerGroupId,
        cycle.id,
        kept.map((e) => e.householdId),
        kept.map((e) => e.variantId),
        kept.map((e) => e.quantity),
        actorOf(tx),
      ],
    );
    const removed: unknown[] = await tx.manager.query(
      `WITH gone AS (
         DELETE FROM supply_declarations d
          USING unnest($2::uuid[], $3::uuid[]) AS k(household_id, variant_id)
          WHERE d.order_cycle_id = $1 AND d.household_id = k.household_id
            AND d.variant_id = k.variant_id
          RETURNING d.id)
       SELECT id FROM gone`,
      [cycle.id, gone.map((e) => e.householdId), gone.map((e) => e.variantId)],
    );
    const after = await declarationsOf(tx, cycle.id, householdIds);
    for (const householdId of householdIds) {
      const was = before.get(householdId) ?? [];
      const now = after.get(householdId) ?? [];
      if (JSON.stringify(was) === JSON.stringify(now)) continue;
      await recordChange(tx, {
        action: "supplyDeclaration.record",
        entityType: "Household",
        entityId: householdId,
        before: { orderCycleId: cycle.id, declarations: was },
        after: { orderCycleId: cycle.id, declarations: now },
      });
    }
    return {
      saved: saved.length,
      removed: removed.length,
      declarations: await listDeclarations(tx, cycle.id),
    };
  });
}

/** Problems by entry index, then field, so a long list reads in order. */
function sortProblems(problems: FieldProblem[]): FieldProblem[] {
  const index = (p: FieldProblem) => Number(p.field.split(".")[1] ?? -1);
  return [...problems].sort((a, b) => index(a) - index(b) || a.field.localeCompare(b.field));
}

/** Each household's declarations in the cycle (variant and quantity), locked for the change. */
async function declarationsOf(
  tx: RequestContext,
  orderCycleId: string,
  householdIds: string[],
): Promise<Map<string, { variantId: string; quantity: number }[]>> {
  const rows: { household_id: string; variant_id: string; quantity: number }[] =
    await tx.manager.query(
      `SELECT household_id, variant_id, quantity FROM supply_declarations
        WHERE order_cycle_id = $1 AND household_id = ANY($2::uuid[])
        ORDER BY household_id, variant_id
        FOR UPDATE`,
      [orderCycleId, householdIds],
    );
  const out = new Map<string, { variantId: string; quantity: number }[]>();
  for (const r of rows) {
    const list = out.get(r.household_id) ?? [];
    list.push({ variantId: r.variant_id, quantity: r.quantity });
    out.set(r.household_id, list);
  }
  return out;
}
