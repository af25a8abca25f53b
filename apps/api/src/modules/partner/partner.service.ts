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
