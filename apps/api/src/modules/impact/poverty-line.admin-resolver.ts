import { Query, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import { PovertyLineType, povertyLineList } from "./poverty-line.types";

/** The poverty lines on the Admin API, drawn beside the impact charts of the admin SPA. */
@Resolver()
export class PovertyLineAdminResolver {
  @RequirePermission("impact:read")
  @Query(() => [PovertyLineType], {
    description:
      "Every year with an official rural poverty line (yuan per person per year), oldest first; no year is guessed.",
  })
  povertyLines(): PovertyLineType[] {
    return povertyLineList();
  }
}
