import type { TFunction } from "i18next";
import { isDisplayName } from "../../graphql/text-input";
import { FieldProblem } from "../../graphql/error-result";
import { isUuid } from "../../graphql/ids";
import { inTransaction, type RequestContext } from "../../graphql/request-context";
import { LOCALES, type Locale, User } from "../identity/user.entity";
import { ConsumerGroup } from "./consumer-group.entity";
import { ConsumerHousehold } from "./consumer-household.entity";
import { callerConsumerHousehold } from "./consumer-household.service";
import { PickupPoint } from "./pickup-point.entity";
import { MyHouseholdProfileType } from "./profile.types";

/** What may change in a profile; undefined or null leaves a field as it is. */
export interface ProfileChange {
  displayName?: string | null;
  defaultPickupPointId?: string | null;
  locale?: string | null;
}

/** The outcome of {@link updateMyProfile}. */
export type ProfileUpdateOutcome =
  | { kind: "updated"; profile: MyHouseholdProfileType }
  | { kind: "invalid"; problems: FieldProblem[] }
  | { kind: "no-household" };

function problem(field: string, message: string): FieldProblem {
  return Object.assign(new FieldProblem(), { field, message });
}

async function profileOf(
  ctx: RequestContext,
  household: ConsumerHousehold,
): Promise<MyHouseholdProfileType> {
  const [group, pickupPoint, user] = await Promise.all([
    ctx.manager.getRepository(ConsumerGroup).findOneByOrFail({ id: household.consumerGroupId }),
    household.defaultPickupPointId
      ? ctx.manager.getRepository(PickupPoint).findOneBy({ id: household.defaultPickupPointId })
      : Promise.resolve(null),
    ctx.manager.getRepository(User).findOneByOrFail({ id: household.userId }),
  ]);
  return Object.assign(new MyHouseholdProfileType(), {
    displayName: household.displayName,
    consumerGroupName: group.name,
    producerGroupId: household.producerGroupId,
    defaultPickupPoint: pickupPoint,
    joinedAt: household.joinedAt,
    locale: user.locale,
  });
}

/** The caller's consumer household profile, or null when the caller has none. */
export async function myProfile(ctx: RequestContext): Promise<MyHouseholdProfileType | null> {
  const household = await callerConsumerHousehold(ctx);
  return household ? profileOf(ctx, household) : null;
}

/**
 * Changes the caller's display name (on the consumer household and the user, which show the same
 * name), default pickup point (must be a pickup point in service of the household's own producer
 * group) and language. Every problem is listed; nothing is stored unless all fields are valid.
 */
export async function updateMyProfile(
  ctx: RequestContext,
  change: ProfileChange,
  t: TFunction,
): Promise<ProfileUpdateOutcome> {
  return inTransaction(ctx, async (tx) => {
    const household = await callerConsumerHousehold(tx, { lock: true });
    if (!household) return { kind: "no-household" } as const;
    const problems: FieldProblem[] = [];
    const displayName = change.displayName?.trim();
    if (change.displayName != null && !isDisplayName(displayName)) {
      problems.push(problem("displayName", t("consumer.displayNameRequired")));
    }
    if (change.locale != null && !(LOCALES as readonly string[]).includes(change.locale)) {
      problems.push(problem("locale", t("consumer.invalidLocale")));
    }
    if (change.defaultPickupPointId != null) {
      const point = isUuid(change.defaultPickupPointId)
        ? await tx.manager.getRepository(PickupPoint).findOneBy({ id: change.defaultPickupPointId })
        : null;
      if (!point || point.producerGroupId !== household.producerGroupId) {
        problems.push(problem("defaultPickupPointId", t("consumer.pickupPointNotServed")));
      }
    }
    if (problems.length > 0) return { kind: "invalid", problems } as const;

    const householdChange: Partial<ConsumerHousehold> = {};
    const userChange: Partial<User> = {};
    if (displayName) householdChange.displayName = userChange.displayName = displayName;
    if (change.defaultPickupPointId != null)
      householdChange.defaultPickupPointId = change.defaultPickupPointId;
    if (change.locale != null) userChange.locale = change.locale as Locale;
    if (Object.keys(householdChange).length > 0)
      await tx.manager
        .getRepository(ConsumerHousehold)
        .update({ id: household.id }, householdChange);
    if (Object.keys(userChange).length > 0)
      await tx.manager.getRepository(User).update({ id: household.userId }, userChange);
    const updated = await tx.manager
      .getRepository(ConsumerHousehold)
      .findOneByOrFail({ id: household.id });
    return { kind: "updated", profile: await profileOf(tx, updated) } as const;
  });
}
