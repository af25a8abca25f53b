import { createUnionType, Field, ID, Int, ObjectType } from "type-graphql";
import { NotFoundError } from "../../graphql/error-result";

/** A partner organisation as the partner itself sees it. */
@ObjectType("PartnerOrganisation")
export class PartnerOrganisationType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int, {
    description: "Cells counting fewer households than this are suppressed (never below 3).",
  })
  suppressionK: number;

  @Field(() => Int, { description: "How many producer groups (markets) this partner may see." })
  producerGroupCount: number;
}

/** An API key just issued. `key` is shown this once; only its hash is stored. */
@ObjectType()
export class IssuedApiKey {
  @Field(() => ID)
  id: string;

  @Field({ description: "First 8 characters, to tell keys apart later." })
  prefix: string;

  @Field({ description: "The secret. Copy it now: it cannot be shown again." })
  key: string;

  @Field()
  createdAt: Date;
}

/** The answer to issuing an API key. */
export const IssueApiKeyResult = createUnionType({
  name: "IssueApiKeyResult",
  types: () => [IssuedApiKey, NotFoundError] as const,
  resolveType: (value) => value.constructor.name,
});

/** The GraphQL shape of an organisation and the number of producer groups it may see. */
export function toPartnerOrganisationType(found: {
  organisation: { id: string; name: string; suppressionK: number };
  producerGroupCount: number;
}): PartnerOrganisationType {
  const { organisation, producerGroupCount } = found;
  return Object.assign(new PartnerOrganisationType(), {
    id: organisation.id,
    name: organisation.name,
    suppressionK: organisation.suppressionK,
    producerGroupCount,
  });
}
