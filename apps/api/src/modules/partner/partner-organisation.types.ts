import { createUnionType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { ErrorResult, InvalidInputError, NotFoundError } from "../../graphql/error-result";

/** An API key as admins list it: never the secret nor its hash. */
@ObjectType("ApiKeyInfo")
export class ApiKeyInfoType {
  @Field(() => ID)
  id: string;

  @Field({ description: "First 8 characters of the key, to tell keys apart." })
  prefix: string;

  @Field(() => [String])
  scopes: string[];

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Set once revoked; the key no longer works." })
  revokedAt: Date | null;
}

/** A partner organisation as admins manage it: its groups and its API keys (newest first). */
@ObjectType("PartnerOrganisationDetail")
export class PartnerOrganisationDetailType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int, { description: "Suppression threshold k (never below 3)." })
  suppressionK: number;

  @Field(() => [ID], { description: "Producer groups whose aggregates it may see." })
  producerGroupIds: string[];

  @Field(() => [ApiKeyInfoType])
  apiKeys: ApiKeyInfoType[];

  @Field()
  createdAt: Date;
}

/** Fields of a partner organisation; on update an omitted field stays as it is. */
@InputType()
export class PartnerOrganisationChangesInput {
  @Field(() => String, { nullable: true, description: "1–200 characters." })
  name?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "Suppression threshold k, 3 to 1000; 5 when left out on creation.",
  })
  suppressionK?: number | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Replaces the producer groups it may see as a whole.",
  })
  producerGroupIds?: string[] | null;
}

/** The answer to creating, changing or asking for a partner organisation. */
export const PartnerOrganisationResult = createUnionType({
  name: "PartnerOrganisationResult",
  types: () => [PartnerOrganisationDetailType, InvalidInputError, NotFoundError] as const,
  resolveType: (value) =>
    value instanceof ErrorResult ? value.constructor.name : "PartnerOrganisationDetail",
});
