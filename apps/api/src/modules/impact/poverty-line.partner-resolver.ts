import { Query, Resolver } from "type-graphql";
import { RequirePermission } from "../../graphql/permissions";
import { PovertyLineType, povertyLineList } from "./poverty-line.types";

/** The poverty lines every income figure is measured against. */
@Resolver()
export class PovertyLinePartnerResolver {
  @RequirePermission("impact:read")
  @Query(() => [PovertyLineType], {
    description: "Every year with an official line; no year is guessed.",
  })
  povertyLines(): PovertyLineType[] {
    return povertyLineList();
  }
}
