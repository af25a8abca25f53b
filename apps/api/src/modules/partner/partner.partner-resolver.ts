import { Ctx, Query, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { PartnerOrganisationType, toPartnerOrganisationType } from "./partner.types";
import { callerOrganisation } from "./partner.service";

/** The partner's own organisation, on the partner API. */
@Resolver()
export class PartnerPartnerResolver {
  @RequirePermission("impact:read")
  @Query(() => PartnerOrganisationType, {
    nullable: true,
    description: "The organisation the API key belongs to.",
  })
  async partnerOrganisation(@Ctx() ctx: RequestContext): Promise<PartnerOrganisationType | null> {
    const found = await callerOrganisation(ctx);
    if (!found) return null;
    return toPartnerOrganisationType(found);
  }
}
