import type { TFunction } from "i18next";
import {
  type FieldProblem,
  fieldProblem,
  InvalidInputError,
  NotFoundError,
} from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { inRefusableTransaction, refuse } from "../../graphql/refusal";
import type { RequestContext } from "../../graphql/request-context";
import { isDisplayName } from "../../graphql/text-input";
import { translatorFor } from "../../i18n/translate";
import { recordChange } from "../audit/audit.service";
import { unknownProducerGroupPositions } from "../household/producer-group.service";
import { ApiKey } from "./api-key.entity";
import { PartnerOrganisationGroup } from "./partner-organisation-group.entity";
import { PartnerOrganisation } from "./partner-organisation.entity";
import {
  ApiKeyInfoType,
  type PartnerOrganisationChangesInput,
  PartnerOrganisationDetailType,
} from "./partner-organisation.types";

/** Default suppression threshold k (DESIGN.md, "Security and privacy"). */
export const DEFAULT_SUPPRESSION_K = 5;
/** Smallest k ever allowed (also a CHECK on the table). */
export const MIN_SUPPRESSION_K = 3;
/** Largest k accepted; more would suppress every cell of a county-sized market. */
export const MAX_SUPPRESSION_K = 1000;

type Outcome = PartnerOrganisationDetailType | InvalidInputError | NotFoundError;

/**
 * Problems with an organisation's fields, reading the producer groups from the database:
 * name 1–200 printable characters, k an integer from {@link MIN_SUPPRESSION_K} to
 * {@link MAX_SUPPRESSION_K}, every group existing (`producerGroupIds.<i>`). With `creating`,
 * the name is required.
 */
async function organisationProblems(
  ctx: RequestContext,
  input: PartnerOrganisationChangesInput,
  creating: boolean,
  t: TFunction,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if ((creating || input.name !== undefined) && !isDisplayName(input.name, 200))
    problems.push(fieldProblem("name", t("partner.nameRequired")));
  const k = input.suppressionK;
  if (
    (k !== undefined &&
      k !== null &&
      (!Number.isInteger(k) || k < MIN_SUPPRESSION_K || k > MAX_SUPPRESSION_K)) ||
    (!creating && k === null)
  )
    problems.push(
      fieldProblem(
        "suppressionK",
        t("partner.suppressionKRange", { min: MIN_SUPPRESSION_K, max: MAX_SUPPRESSION_K }),
      ),
    );
  for (const i of await unknownProducerGroupPositions(ctx, input.producerGroupIds ?? []))
    problems.push(fieldProblem(`producerGroupIds.${i}`, t("partner.groupNotFound")));
  return problems;
}

/** An organisation with its producer groups (sorted) and its API keys (newest first, ties by id). */
export async function partnerOrganisationDetail(
  ctx: RequestContext,
  id: string,
): Promise<PartnerOrganisationDetailType | null> {
  if (!isUuid(id)) return null;
  const organisation = await ctx.manager.getRepository(PartnerOrganisation).findOneBy({ id });
  if (!organisation) return null;
  const groups = await ctx.manager
    .getRepository(PartnerOrganisationGroup)
    .find({ where: { partnerOrganisationId: id }, order: { producerGroupId: "ASC" } });
  const keys = await ctx.manager
    .getRepository(ApiKey)
    .find({ where: { partnerOrganisationId: id }, order: { createdAt: "DESC", id: "ASC" } });
  return Object.assign(new PartnerOrganisationDetailType(), {
    id: organisation.id,
    name: organisation.name,
    suppressionK: organisation.suppressionK,
    producerGroupIds: groups.map((g) => g.producerGroupId),
    createdAt: organisation.createdAt,
    apiKeys: keys.map((k) =>
      Object.assign(new ApiKeyInfoType(), {
        id: k.id,
        prefix: k.prefix,
        scopes: k.scopes,
        createdAt: k.createdAt,
        lastUsedAt: k.lastUsedAt,
        revokedAt: k.revokedAt,
      }),
    ),
  });
}

async function replaceGroups(ctx: RequestContext, id: string, groupIds: string[]): Promise<void> {
  const repo = ctx.manager.getRepository(PartnerOrganisationGroup);
  await repo.delete({ partnerOrganisationId: id });
  const unique = [...new Set(groupIds)];
  if (unique.length)
    await repo.insert(
      unique.map((producerGroupId) => ({ partnerOrganisationId: id, producerGroupId })),
    );
}

/** The audit snapshot of an organisation: its fields and groups, without API keys. */
function snapshot(detail: PartnerOrganisationDetailType) {
  const { apiKeys: _keys, ...rest } = detail;
  return rest;
}

/**
 * Creates a partner organisation (`partner:manage`) with suppression threshold k (default
 * {@link DEFAULT_SUPPRESSION_K}, never below {@link MIN_SUPPRESSION_K}) and the producer groups
 * whose aggregates it may see. Writes `partnerOrganisation.create`. InvalidInputError lists every
 * problem; nothing is stored then.
 */
export async function createPartnerOrganisation(
  ctx: RequestContext,
  input: PartnerOrganisationChangesInput,
): Promise<Outcome> {
  const t = translatorFor(ctx.locale);
  return inRefusableTransaction(ctx, async (tx) => {
    const problems = await organisationProblems(tx, input, true, t);
    if (problems.length) refuse(new InvalidInputError(t("partner.inputRefused"), problems));
    const repo = tx.manager.getRepository(PartnerOrganisation);
    const organisation = await repo.save(
      repo.create({
        name: input.name!.trim(),
        suppressionK: input.suppressionK ?? DEFAULT_SUPPRESSION_K,
      }),
    );
    await replaceGroups(tx, organisation.id, input.producerGroupIds ?? []);
    const after = (await partnerOrganisationDetail(tx, organisation.id))!;
    await recordChange(tx, {
      action: "partnerOrganisation.create",
      entityType: "PartnerOrganisation",
      entityId: organisation.id,
      before: null,
      after: snapshot(after),
    });
    return after;
  });
}

/**
 * Changes a partner organisation (`partner:manage`): name, k, and (given as a whole) its
 * producer groups, which its users and API keys see from their next request. The row is locked
 * so two admins' changes apply one after the other. Writes `partnerOrganisation.update`.
 * NotFoundError for an unknown id; InvalidInputError (nothing changed) for bad fields.
 */
export async function updatePartnerOrganisation(
  ctx: RequestContext,
  id: string,
  input: PartnerOrganisationChangesInput,
): Promise<Outcome> {
  const t = translatorFor(ctx.locale);
  return inRefusableTransaction(ctx, async (tx) => {
    const repo = tx.manager.getRepository(PartnerOrganisation);
    const locked = isUuid(id)
      ? await repo
          .createQueryBuilder("o")
          .setLock("pessimistic_write")
          .where("o.id = :id", { id })
          .getOne()
      : null;
    if (!locked) refuse(new NotFoundError(t("partner.organisationNotFound")));
    const problems = await organisationProblems(tx, input, false, t);
    if (problems.length) refuse(new InvalidInputError(t("partner.inputRefused"), problems));
    const before = (await partnerOrganisationDetail(tx, id))!;
    const changes: Partial<PartnerOrganisation> = {};
    if (input.name != null) changes.name = input.name.trim();
    if (input.suppressionK != null) changes.suppressionK = input.suppressionK;
    if (Object.keys(changes).length) await repo.update({ id }, changes);
    if (input.producerGroupIds != null) await replaceGroups(tx, id, input.producerGroupIds);
    const after = (await partnerOrganisationDetail(tx, id))!;
    await recordChange(tx, {
      action: "partnerOrganisation.update",
      entityType: "PartnerOrganisation",
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}
