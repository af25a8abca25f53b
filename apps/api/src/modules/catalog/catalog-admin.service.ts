import { MoneyError, parseYuanToFen } from "@nested/domain";
import {
  type FieldProblem,
  InUseError,
  InvalidInputError,
  NotFoundError,
} from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { inTransaction, type RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { recordChange } from "../audit/audit.service";
import type {
  CreateProductInput,
  ProductChangesInput,
  ReferencePriceInput,
  VariantChangesInput,
} from "./catalog-admin.types";
import { Product } from "./product.entity";
import { ReferencePrice } from "./reference-price.entity";
import { Variant } from "./variant.entity";

type T = ReturnType<typeof translatorFor>;

function named(value: string | null | undefined, required: boolean): boolean {
  if (value === undefined) return !required;
  return value !== null && value.trim().length >= 1 && value.trim().length <= 100;
}

function productProblems(input: ProductChangesInput, creating: boolean, t: T): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!named(input.nameZh, creating))
    problems.push({ field: "nameZh", message: t("catalog.nameRequired") });
  if (!named(input.nameEn, creating))
    problems.push({ field: "nameEn", message: t("catalog.nameRequired") });
  if ((creating || input.category === null) && input.category == null)
    problems.push({ field: "category", message: t("catalog.inputRefused") });
  const months = input.seasonMonths;
  if (
    (creating && months == null) ||
    months === null ||
    (months &&
      (months.some((m) => !Number.isInteger(m) || m < 1 || m > 12) ||
        new Set(months).size !== months.length))
  )
    problems.push({ field: "seasonMonths", message: t("catalog.seasonMonths") });
  return problems;
}

function variantProblems(input: VariantChangesInput, creating: boolean, t: T): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!named(input.nameZh, creating))
    problems.push({ field: "nameZh", message: t("catalog.nameRequired") });
  if (!named(input.nameEn, creating))
    problems.push({ field: "nameEn", message: t("catalog.nameRequired") });
  if ((creating || input.unit === null) && input.unit == null)
    problems.push({ field: "unit", message: t("catalog.inputRefused") });
  if (input.grams != null && !(Number.isInteger(input.grams) && input.grams > 0))
    problems.push({ field: "grams", message: t("catalog.gramsPositive") });
  const max = input.maxPerOrder;
  if ((creating || max === null) && max == null)
    problems.push({ field: "maxPerOrder", message: t("catalog.maxPerOrderRange") });
  else if (max != null && !(Number.isInteger(max) && max >= 1 && max <= 1000))
    problems.push({ field: "maxPerOrder", message: t("catalog.maxPerOrderRange") });
  return problems;
}

/** The columns an input sets; omitted keys are left out, names are trimmed. */
function defined<V extends object>(input: V): Partial<V> {
  return Object.fromEntries(
    Object.entries(input)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, typeof v === "string" && k.startsWith("name") ? v.trim() : v]),
  ) as Partial<V>;
}

/** Creates a product (`catalog:write`); writes `product.create`. InvalidInputError saves nothing. */
export async function createProduct(
  ctx: RequestContext,
  input: CreateProductInput,
): Promise<Product | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const problems = productProblems(input, true, t);
  if (problems.length) return new InvalidInputError(t("catalog.inputRefused"), problems);
  return inTransaction(ctx, async (tx) => {
    const product = await tx.manager.getRepository(Product).save({
      descriptionZh: null,
      descriptionEn: null,
      ...(defined(input) as Partial<Product>),
    });
    await recordChange(tx, {
      action: "product.create",
      entityType: "Product",
      entityId: product.id,
      before: null,
      after: product,
    });
    return product;
  });
}

/** Changes a product that is not deleted; writes `product.update` with before and after. */
export async function updateProduct(
  ctx: RequestContext,
  id: string,
  input: ProductChangesInput,
): Promise<Product | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const problems = productProblems(input, false, t);
  if (problems.length) return new InvalidInputError(t("catalog.inputRefused"), problems);
  return inTransaction(ctx, async (tx) => {
    const repo = tx.manager.getRepository(Product);
    const before = isUuid(id) ? await repo.findOneBy({ id }) : null;
    if (!before) return new NotFoundError(t("catalog.productNotFound"));
    await repo.update({ id }, defined(input) as Partial<Product>);
    const after = (await repo.findOneBy({ id }))!;
    await recordChange(tx, {
      action: "product.update",
      entityType: "Product",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Adds a variant to a product that is not deleted; writes `variant.create`. */
export async function createVariant(
  ctx: RequestContext,
  productId: string,
  input: VariantChangesInput,
): Promise<Variant | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const problems = variantProblems(input, true, t);
  if (problems.length) return new InvalidInputError(t("catalog.inputRefused"), problems);
  return inTransaction(ctx, async (tx) => {
    const product = isUuid(productId)
      ? await tx.manager.getRepository(Product).findOneBy({ id: productId })
      : null;
    if (!product) return new NotFoundError(t("catalog.productNotFound"));
    const variant = await tx.manager.getRepository(Variant).save({
      grams: null,
      ...(defined(input) as Partial<Variant>),
      productId,
    });
    await recordChange(tx, {
      action: "variant.create",
      entityType: "Variant",
      entityId: variant.id,
      before: null,
      after: variant,
    });
    return variant;
  });
}

/** Changes a variant that is not deleted; writes `variant.update` with before and after. */
export async function updateVariant(
  ctx: RequestContext,
  id: string,
  input: VariantChangesInput,
): Promise<Variant | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const problems = variantProblems(input, false, t);
  if (problems.length) return new InvalidInputError(t("catalog.inputRefused"), problems);
  return inTransaction(ctx, async (tx) => {
    const repo = tx.manager.getRepository(Variant);
    const before = isUuid(id) ? await repo.findOneBy({ id }) : null;
    if (!before) return new NotFoundError(t("catalog.variantNotFound"));
    await repo.update({ id }, defined(input) as Partial<Variant>);
    const after = (await repo.findOneBy({ id }))!;
    await recordChange(tx, {
      action: "variant.update",
      entityType: "Variant",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/**
 * Records a price observed on a market for a variant. The price is `price` (fen) or `priceText`
 * parsed by `parseYuanToFen` (yuan as typed, e.g. "¥16.50" → 1650 fen); exactly one must be
 * given. Writes `referencePrice.create`.
 */
export async function addReferencePrice(
  ctx: RequestContext,
  input: ReferencePriceInput,
): Promise<ReferencePrice | NotFoundError | InvalidInputError> {
  const t = translatorFor(ctx.locale);
  const problems: FieldProblem[] = [];
  if (!input.market.trim() || !input.source.trim())
    problems.push({
      field: !input.market.trim() ? "market" : "source",
      message: t("catalog.marketRequired"),
    });
  let priceFen: number | null = null;
  if ((input.price == null) === (input.priceText == null)) {
    problems.push({ field: "price", message: t("catalog.priceRequired") });
  } else if (input.price != null) {
    if (input.price < 0)
      problems.push({ field: "price", message: t("catalog.priceInvalid", { reason: "< 0" }) });
    else priceFen = input.price;
  } else {
    try {
      priceFen = parseYuanToFen(input.priceText!);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      problems.push({
        field: "priceText",
        message: t("catalog.priceInvalid", { reason: input.priceText }),
      });
    }
  }
  if (problems.length || priceFen === null)
    return new InvalidInputError(t("catalog.inputRefused"), problems);
  return inTransaction(ctx, async (tx) => {
    const variant = isUuid(input.variantId)
      ? await tx.manager.getRepository(Variant).findOneBy({ id: input.variantId })
      : null;
    if (!variant) return new NotFoundError(t("catalog.variantNotFound"));
    const price = await tx.manager.getRepository(ReferencePrice).save({
      variantId: variant.id,
      market: input.market.trim(),
      observedOn: input.observedOn,
      source: input.source.trim(),
      priceFen,
    });
    await recordChange(tx, {
      action: "referencePrice.create",
      entityType: "Variant",
      entityId: variant.id,
      before: null,
      after: { referencePrice: price },
    });
    return price;
  });
}

/** Tables whose rows refer to variants, with the code listed in an InUseError. */
const VARIANT_REFERENCES = [
  ["offers", "offers"],
  ["order_lines", "orders"],
  ["supply_declarations", "supplyDeclarations"],
  ["lots", "lots"],
] as const;

/** Which kinds of rows refer to any of `variantIds` (deleted variants included), in a fixed order. */
async function variantReferences(ctx: RequestContext, variantIds: string[]): Promise<string[]> {
  if (variantIds.length === 0) return [];
  const found: string[] = [];
  for (const [table, label] of VARIANT_REFERENCES) {
    const rows: unknown[] = await ctx.manager.query(
      `SELECT 1 FROM ${table} WHERE variant_id = ANY($1::uuid[]) LIMIT 1`,
      [variantIds],
    );
    if (rows.length) found.push(label);
  }
  return found;
}

/**
 * The refusal to remove something `referencedBy` (codes such as `offers`, `orders`), with a
 * message naming them in the caller's language.
 */
export function inUse(t: T, referencedBy: string[]): InUseError {
  const separator = t("catalog.references.separator");
  const what = referencedBy.map((code) => t(`catalog.references.${code}`)).join(separator);
  return new InUseError(t("catalog.inUse", { what }), referencedBy);
}

/**
 * Soft-deletes a product and its variants, unless offers, orders, supply declarations or lots
 * refer to one of its variants (InUseError, nothing changed). A removed product disappears from
 * the shop's `products`. Writes `product.remove`.
 */
export async function removeProduct(
  ctx: RequestContext,
  id: string,
): Promise<{ id: string } | NotFoundError | InUseError> {
  const t = translatorFor(ctx.locale);
  return inTransaction(ctx, async (tx) => {
    const product = isUuid(id)
      ? await tx.manager
          .getRepository(Product)
          .findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!product) return new NotFoundError(t("catalog.productNotFound"));
    const variants = await tx.manager
      .getRepository(Variant)
      .find({ where: { productId: id }, withDeleted: true });
    const references = await variantReferences(
      tx,
      variants.map((v) => v.id),
    );
    if (references.length) return inUse(t, references);
    await tx.manager.getRepository(Variant).softDelete({ productId: id });
    await tx.manager.getRepository(Product).softDelete({ id });
    await recordChange(tx, {
      action: "product.remove",
      entityType: "Product",
      entityId: id,
      before: product,
      after: null,
    });
    return { id };
  });
}

/** Soft-deletes a variant nothing refers to (else InUseError); writes `variant.remove`. */
export async function removeVariant(
  ctx: RequestContext,
  id: string,
): Promise<{ id: string } | NotFoundError | InUseError> {
  const t = translatorFor(ctx.locale);
  return inTransaction(ctx, async (tx) => {
    const variant = isUuid(id)
      ? await tx.manager
          .getRepository(Variant)
          .findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!variant) return new NotFoundError(t("catalog.variantNotFound"));
    const references = await variantReferences(tx, [id]);
    if (references.length) return inUse(t, references);
    await tx.manager.getRepository(Variant).softDelete({ id });
    await recordChange(tx, {
      action: "variant.remove",
      entityType: "Variant",
      entityId: id,
      before: variant,
      after: null,
    });
    return { id };
  });
}
