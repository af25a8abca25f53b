import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { NotFoundError } from "../../graphql/error-result";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { issueApiKey, revokeApiKey } from "./api-key.service";
import { listPartnerOrganisations } from "./partner.service";
import {
  createPartnerOrganisation,
  partnerOrganisationDetail,
  updatePartnerOrganisation,
} from "./partner-organisation.service";
import {
  PartnerOrganisationChangesInput,
  PartnerOrganisationResult,
} from "./partner-organisation.types";
import {
  IssueApiKeyResult,
  IssuedApiKey,
  PartnerOrganisationType,
  toPartnerOrganisationType,
} from "./partner.types";

/** Partner organisations and their API keys, managed by admins. */
@Resolver()
export class PartnerAdminResolver {
  @RequirePermission("partner:manage")
  @Query(() => [PartnerOrganisationType], { description: "Every partner organisation, by name." })
  async partnerOrganisations(@Ctx() ctx: RequestContext): Promise<PartnerOrganisationType[]> {
    return (await listPartnerOrganisations(ctx)).map(toPartnerOrganisationType);
  }

  @RequirePermission("partner:manage")
  @Query(() => PartnerOrganisationResult, {
    description: "One organisation with its producer groups and API keys (never their secrets).",
  })
  async partnerOrganisationDetail(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof PartnerOrganisationResult> {
    return (
      (await partnerOrganisationDetail(ctx, id)) ??
      new NotFoundError(translatorFor(ctx.locale)("partner.organisationNotFound"))
    );
  }

  @RequirePermission("partner:manage")
  @Mutation(() => PartnerOrganisationResult, {
    description: "Creates a partner organisation (k defaults to 5, never below 3).",
  })
  createPartnerOrganisation(
    @Arg("input", () => PartnerOrganisationChangesInput) input: PartnerOrganisationChangesInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof PartnerOrganisationResult> {
    return createPartnerOrganisation(ctx, input);
  }

  @RequirePermission("partner:manage")
  @Mutation(() => PartnerOrganisationResult, {
    description: "Changes name, k or the producer groups a partner may see.",
  })
  updatePartnerOrganisation(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => PartnerOrganisationChangesInput) input: PartnerOrganisationChangesInput,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof PartnerOrganisationResult> {
    return updatePartnerOrganisation(ctx, id, input);
  }

  @RequirePermission("partner:manage")
  @Mutation(() => IssueApiKeyResult, {
    description: "A new API key for a partner; the secret is shown once.",
  })
  async issueApiKey(
    @Arg("partnerOrganisationId", () => ID) partnerOrganisationId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<typeof IssueApiKeyResult> {
    const issued = await issueApiKey(ctx, partnerOrganisationId);
    if (!issued)
      return new NotFoundError(translatorFor(ctx.locale)("partner.organisationNotFound"));
    return Object.assign(new IssuedApiKey(), {
      id: issued.apiKey.id,
      prefix: issued.apiKey.prefix,
      key: issued.secret,
      createdAt: issued.apiKey.createdAt,
    });
  }

  @RequirePermission("partner:manage")
  @Mutation(() => Boolean, { description: "Revokes a key at once; false for an unknown id." })
  revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return revokeApiKey(ctx, id);
  }
}
