import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import {
  ErrorCode,
  ErrorResult,
  InvalidInputError,
  NotFoundError,
} from "../../graphql/error-result";
import { TrustEventFields } from "./trust-event-fields.types";
import { ATTENDANCE_STATES, type AttendanceState } from "./trust-event-attendance.entity";

/** GraphQL enum of sign-up states. */
export const VisitSignUpStateEnum = Object.fromEntries(ATTENDANCE_STATES.map((s) => [s, s])) as {
  [S in AttendanceState]: S;
};
registerEnumType(VisitSignUpStateEnum, { name: "VisitSignUpState" });

/** A visit to a village that consumer households may sign up for. */
@ObjectType("VillageVisit")
export class VillageVisitType extends TrustEventFields {
  @Field(() => Int, {
    nullable: true,
    description: "capacity − people of live sign-ups; null when there is no limit.",
  })
  placesLeft: number | null;

  @Field({
    description: "Staff cancelled the visit; sign-ups stay listed but nobody goes.",
  })
  cancelled: boolean;
}

/** The caller's household signing up for a village visit. */
@ObjectType("VisitSignUp")
export class VisitSignUpType {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: "People coming from the household." })
  people: number;

  @Field(() => VisitSignUpStateEnum)
  state: AttendanceState;

  @Field()
  createdAt: Date;

  trustEventId: string;
}

/** The household already has a live sign-up for this visit. */
@ObjectType({ implements: ErrorResult })
export class AlreadySignedUpError extends ErrorResult {
  constructor(message: string) {
    super();
    this.errorCode = ErrorCode.ALREADY_SIGNED_UP;
    this.message = message;
  }
}

/** Not enough places left for that many people. */
@ObjectType({ implements: ErrorResult })
export class VisitFullError extends ErrorResult {
  @Field(() => Int)
  placesLeft: number;

  constructor(message: string, placesLeft: number) {
    super();
    this.errorCode = ErrorCode.VISIT_FULL;
    this.message = message;
    this.placesLeft = placesLeft;
  }
}

/** The sign-up, or why there is none (nothing is stored then). */
export const SignUpForVisitResult = createUnionType({
  name: "SignUpForVisitResult",
  types: () =>
    [
      VisitSignUpType,
      InvalidInputError,
      NotFoundError,
      AlreadySignedUpError,
      VisitFullError,
    ] as const,
  // The view class is named …Type; error classes are named as in the schema.
  resolveType: (value) =>
    value instanceof VisitSignUpType ? VisitSignUpType : value.constructor.name,
});

/** The cancelled sign-up, or not-found when there is no live one to cancel. */
export const CancelVisitSignUpResult = createUnionType({
  name: "CancelVisitSignUpResult",
  types: () => [VisitSignUpType, NotFoundError] as const,
  // The view class is named …Type; error classes are named as in the schema.
  resolveType: (value) =>
    value instanceof VisitSignUpType ? VisitSignUpType : value.constructor.name,
});
