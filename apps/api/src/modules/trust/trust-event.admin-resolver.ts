import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { NotFoundError } from "../../graphql/error-result";
import { type Page, PageInput } from "../../graphql/pagination";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import type { Household } from "../household/household.entity";
import { HouseholdType } from "../household/household.types";
import { villageById } from "../household/village.service";
import { VillageType } from "../household/village.types";
import {
  householdsByTrustEvent,
  recordAttendance,
  setTrustEventHouseholds,
  signUpsByTrustEvent,
} from "./trust-event-participation.service";
import {
  cancelTrustEvent,
  createTrustEvent,
  findTrustEvent,
  listTrustEvents,
  toTrustEventType,
  updateTrustEvent,
} from "./trust-event.service";
import {
  AttendanceEntryInput,
  CreateTrustEventInput,
  TrustEventChangesInput,
  TrustEventFilter,
  TrustEventList,
  TrustEventLookup,
  TrustEventResult,
  TrustEventSignUpType,
  TrustEventType,
} from "./trust-event.types";

/** Trust events (village visits, meetings, peer reviews), recorded by project staff. */
@Resolver(() => TrustEventType)
export class TrustEventAdminResolver {
  @RequirePermission("trust:manage")
  @Query(() => TrustEventList, {
    description: "Trust events of the caller's producer groups, latest start first.",
  })
  trustEvents(
    @Ctx() ctx: RequestContext,
    @Arg("page", () => PageInput, { defaultValue: { skip: 0, take: 20 } }) page: PageInput,
    @Arg("filter", () => TrustEventFilter, { nullable: true }) filter?: TrustEventFilter | null,
  ): Promise<Page<TrustEventType>> {
    return listTrustEvents(ctx, { ...page, ...filter });
  }

  @RequirePermission("trust:manage")
  @Query(() => TrustEventLookup, { description: "One trust event of the caller's groups." })
  async trustEvent(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<typeof TrustEventLookup> {
    const event = await findTrustEvent(ctx, id);
    if (!event) return new NotFoundError(translatorFor(ctx.locale)("trust.eventNotFound"));
    return toTrustEventType(event);
  }

  @RequirePermission("trust:manage")
  @Mutation(() => TrustEventResult, { description: "Records a new trust event." })
  createTrustEvent(
    @Ctx() ctx: RequestContext,
    @Arg("input", () => CreateTrustEventInput) input: CreateTrustEventInput,
  ): Promise<typeof TrustEventResult> {
    return createTrustEvent(ctx, input);
  }

  @RequirePermission("trust:manage")
  @Mutation(() => TrustEventResult, {
    description: "Changes a trust event (notes included); a refused input changes nothing.",
  })
  updateTrustEvent(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => TrustEventChangesInput) input: TrustEventChangesInput,
  ): Promise<typeof TrustEventResult> {
    return updateTrustEvent(ctx, id, input);
  }

  @RequirePermission("trust:manage")
  @Mutation(() => TrustEventResult, {
    description: "Cancels a trust event; its sign-ups are kept and shown cancelled in the shop.",
  })
  cancelTrustEvent(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
  ): Promise<typeof TrustEventResult> {
    return cancelTrustEvent(ctx, id);
  }

  @RequirePermission("trust:manage")
  @Mutation(() => TrustEventResult, {
    description: "Sets the households taking part (of the event's producer group only).",
  })
  setTrustEventHouseholds(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("householdIds", () => [ID]) householdIds: string[],
  ): Promise<typeof TrustEventResult> {
    return setTrustEventHouseholds(ctx, id, householdIds);
  }

  @RequirePermission("trust:manage")
  @Mutation(() => TrustEventResult, {
    description: "Records who came: by sign-up, or by consumer household for walk-ins.",
  })
  recordAttendance(
    @Ctx() ctx: RequestContext,
    @Arg("id", () => ID) id: string,
    @Arg("entries", () => [AttendanceEntryInput]) entries: AttendanceEntryInput[],
  ): Promise<typeof TrustEventResult> {
    return recordAttendance(ctx, id, entries);
  }

  @FieldResolver(() => VillageType)
  async village(@Root() event: TrustEventType, @Ctx() ctx: RequestContext): Promise<VillageType> {
    const village = await villageById(ctx).load(event.villageId);
    if (!village) throw new Error(`trust event ${event.id} has no village ${event.villageId}`);
    return village;
  }

  @FieldResolver(() => [HouseholdType], { description: "Households taking part, by code." })
  households(@Root() event: TrustEventType, @Ctx() ctx: RequestContext): Promise<Household[]> {
    return householdsByTrustEvent(ctx).load(event.id);
  }

  @FieldResolver(() => [TrustEventSignUpType], {
    description: "Consumer sign-ups and attendance of every state, oldest first.",
  })
  signUps(
    @Root() event: TrustEventType,
    @Ctx() ctx: RequestContext,
  ): Promise<TrustEventSignUpType[]> {
    return signUpsByTrustEvent(ctx).load(event.id);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "capacity − people of live sign-ups (never below 0); null without a limit.",
  })
  async placesLeft(
    @Root() event: TrustEventType,
    @Ctx() ctx: RequestContext,
  ): Promise<number | null> {
    if (event.capacity === null) return null;
    const signUps = await signUpsByTrustEvent(ctx).load(event.id);
    const taken = signUps.filter((s) => s.state !== "CANCELLED").reduce((n, s) => n + s.people, 0);
    return Math.max(0, event.capacity - taken);
  }
}
