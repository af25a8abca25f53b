import type { RequestContext } from "../../graphql/request-context";
import { User } from "../identity/user.entity";
import { PartnerOrganisation } from "./partner-organisation.entity";

/** The caller's partner organisation and how many producer groups it may see, or null. */
export async function callerOrganisation(
  ctx: RequestContext,
): Promise<{ organisation: PartnerOrganisation; producerGroupCount: number } | null> {
  const { principal } = ctx;
  let organisationId: string | null = null;
  if (principal.kind === "api-key") organisationId = principal.partnerOrganisationId;
  if (principal.kind === "user") {
    const user = await ctx.manager.getRepository(User).findOneBy({ id: principal.userId });
    organisationId = user?.partnerOrganisationId ?? null;
  }
  if (!organisationId) return null;
  const organisation = await ctx.manager
    .getRepository(PartnerOrganisation)
    .findOneBy({ id: organisationId });
  if (!organisation) return null;
  return {
    organisation,
    producerGroupCount: principal.kind === "anonymous" ? 0 : principal.producerGroupIds.length,
  };
}

/** Every partner organisation with how many producer groups it may see, by name (for admins). */
export async function listPartnerOrganisations(
  ctx: RequestContext,
): Promise<{ organisation: PartnerOrganisation; producerGroupCount: number }[]> {
  const rows: { id: string; groups: number }[] = await ctx.manager.query(
    `SELECT o.id, count(g.producer_group_id)::int AS groups
       FROM partner_organisations o LEFT JOIN partner_organisation_groups g ON g.partner_organisation_id = o.id
      GROUP BY o.id`,
  );
  const counts = new Map(rows.map((row) => [row.id, row.groups]));
  const organisations = await ctx.manager
    .getRepository(PartnerOrganisation)
    .find({ order: { name: "ASC", id: "ASC" } });
  return organisations.map((organisation) => ({
    organisation,
    producerGroupCount: counts.get(organisation.id) ?? 0,
  }));
}
