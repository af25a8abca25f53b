import {
  createUnionType,
  Field,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from "type-graphql";
import { ErrorResult, InvalidInputError, NotFoundError } from "../../graphql/error-result";
import { PaginatedList } from "../../graphql/pagination";
import { LocalDateScalar } from "../../graphql/scalars";
import { TrustEventFields } from "./trust-event-fields.types";
import { VisitSignUpStateEnum } from "./visit.types";
import type { AttendanceState } from "./trust-event-attendance.entity";
import { TRUST_EVENT_KINDS, type TrustEventKind } from "./trust-event.entity";

/** GraphQL enum of trust event kinds. */
export const TrustEventKindEnum = Object.fromEntries(TRUST_EVENT_KINDS.map((k) => [k, k])) as {
  [K in TrustEventKind]: K;
};
registerEnumType(TrustEventKindEnum, {
  name: "TrustEventKind",
  description:
    "VILLAGE_VISIT (consumers visit), MEETING, PEER_REVIEW (households review each other).",
});

/** A trust event as project staff see it; households, sign-ups and village are resolved. */
@ObjectType("TrustEvent")
export class TrustEventType extends TrustEventFields {
  @Field(() => TrustEventKindEnum)
  kind: TrustEventKind;

  @Field({ description: "Whether consumer households may sign up in the shop (visits only)." })
  openToConsumers: boolean;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => Date, {
    nullable: true,
    description: "When staff cancelled it; its sign-ups are kept and shown cancelled.",
  })
  cancelledAt: Date | null;

  @Field()
  createdAt: Date;
}

/** A page of trust events. */
@ObjectType("TrustEventList")
export class TrustEventList extends PaginatedList(TrustEventType) {}

/** A consumer household's sign-up for (or walk-in attendance at) a trust event. */
@ObjectType("TrustEventSignUp")
export class TrustEventSignUpType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  consumerHouseholdId: string;

  @Field({ description: "The consumer household's display name." })
  consumerHouseholdName: string;

  @Field(() => Int, { description: "People coming from the household." })
  people: number;

  @Field(() => VisitSignUpStateEnum)
  state: AttendanceState;

  @Field()
  createdAt: Date;
}

/** Which trust events to list; `from`/`to` are business days (Asia/Shanghai) of the start. */
@InputType()
export class TrustEventFilter {
  @Field(() => ID, { nullable: true })
  producerGroupId?: string | null;

  @Field(() => TrustEventKindEnum, { nullable: true })
  kind?: TrustEventKind | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Starting on or after this day." })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Starting on or before this day." })
  to?: string | null;
}

/**
 * Fields of a trust event that can be changed. On update an omitted field stays as it is and
 * null clears a nullable one (capacity, notes).
 */
@InputType()
export class TrustEventChangesInput {
  @Field(() => String, { nullable: true, description: "Title in Chinese, 1–200 characters." })
  titleZh?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Title in English; the Chinese title when left out on creation.",
  })
  titleEn?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Where it happens; on creation the producer group's village when left out.",
  })
  villageId?: string | null;

  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: "After startsAt." })
  endsAt?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "Village visits only: most people (1–1000); null = no limit.",
  })
  capacity?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Village visits only." })
  openToConsumers?: boolean | null;

  @Field(() => String, { nullable: true, description: "Staff notes, up to 5000 characters." })
  notes?: string | null;
}

/** A new trust event of one producer group. */
@InputType()
export class CreateTrustEventInput extends TrustEventChangesInput {
  @Field(() => ID)
  producerGroupId: string;

  @Field(() => TrustEventKindEnum)
  kind: TrustEventKind;
}

/** One household's attendance: name its sign-up, or the consumer household (walk-ins). */
@InputType()
export class AttendanceEntryInput {
  @Field(() => ID, { nullable: true })
  signUpId?: string | null;

  @Field(() => ID, { nullable: true })
  consumerHouseholdId?: string | null;

  @Field()
  attended: boolean;
}

/** The answer to a change of a trust event: the event, or why nothing was saved. */
export const TrustEventResult = createUnionType({
  name: "TrustEventResult",
  types: () => [TrustEventType, NotFoundError, InvalidInputError] as const,
  resolveType: (value) => (value instanceof ErrorResult ? value.constructor.name : "TrustEvent"),
});

/** The answer to asking for one trust event. */
export const TrustEventLookup = createUnionType({
  name: "TrustEventLookup",
  types: () => [TrustEventType, NotFoundError] as const,
  resolveType: (value) => (value instanceof ErrorResult ? value.constructor.name : "TrustEvent"),
});
