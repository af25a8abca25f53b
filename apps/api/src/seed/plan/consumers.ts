import { atShanghaiTime, dateOfDayNumber, dayNumber, shanghaiDate } from "./calendar";
import type { MarketProfile } from "./market-profiles";
import { CITY_SURNAMES, GIVEN_NAMES_CITY } from "./names";
import type { DemoRandom } from "./random";
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, type MobileNumbers, type UserRecord } from "./users";
import type { ProducerGroupRecord } from "./villages";

/** A consumer group (消费者小组) of one producer group; its households pick up at its points. */
export interface ConsumerGroupRecord {
  id: string;
  producerGroupId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  startedOn: string;
}

/** A pickup point (配送点) where a consumer group collects its orders on the dispatch day. */
export interface PickupPointRecord {
  id: string;
  producerGroupId: string;
  consumerGroupId: string;
  code: string;
  nameZh: string;
  nameEn: string;
  city: "北京" | "保定";
  addressZh: string;
  hoursZh: string;
  hoursEn: string;
  openedOn: string;
}

/**
 * A consumer household in the city. It joined by invitation from an earlier consumer household
 * (or from staff, for a group's first few) — taihang-facts.md, "consumer growth".
 */
export interface ConsumerHouseholdRecord {
  id: string;
  producerGroupId: string;
  consumerGroupId: string;
  pickupPointId: string;
  /** The CONSUMER user who orders for the household. */
  userId: string;
  code: string;
  displayNameZh: string;
  /** People living in the household. */
  peopleCount: number;
  joinedAt: Date;
  invitedByConsumerHouseholdId: string | null;
  invitedByUserId: string | null;
}

/** The invitation a consumer household accepted to join. */
export interface InvitationRecord {
  id: string;
  producerGroupId: string;
  consumerGroupId: string;
  code: string;
  inviterConsumerHouseholdId: string | null;
  inviterUserId: string | null;
  inviteeConsumerHouseholdId: string;
  sentAt: Date;
  acceptedAt: Date;
  /** Invitations are valid 30 days. */
  expiresAt: Date;
}

/** The consumer side of one market. */
export interface ConsumerSide {
  consumerGroups: ConsumerGroupRecord[];
  pickupPoints: PickupPointRecord[];
  consumerHouseholds: ConsumerHouseholdRecord[];
  invitations: InvitationRecord[];
  users: UserRecord[];
}

/** Running counter of consumer numbers across markets, for codes and e-mail addresses. */
export interface ConsumerCounter {
  next: number;
}

/** The days on which consumer households join: spread between the profile's milestones. */
function joinDays(profile: MarketProfile, today: string, random: DemoRandom): number[] {
  const days: number[] = [];
  const points = [...profile.consumerMilestones];
  const last = points[points.length - 1];
  if (last) {
    const lastDay = dayNumber(last[0]);
    const todayDay = dayNumber(today);
    const years = Math.max(0, (todayDay - lastDay) / 365.25);
    points.push([today, last[1] + Math.floor(years * profile.consumerGrowthPerYear)]);
  }
  for (let i = 1; i < points.length; i++) {
    const [fromDate, fromCount] = points[i - 1] ?? ["", 0];
    const [toDate, toCount] = points[i] ?? ["", 0];
    const from = dayNumber(fromDate);
    const to = dayNumber(toDate) - 1;
    for (let k = 0; k < toCount - fromCount; k++) days.push(random.int(from, Math.max(from, to)));
  }
  return days.filter((d) => d < dayNumber(today)).sort((a, b) => a - b);
}

/**
 * Builds a market's consumer groups, pickup points (with pickup hours on the dispatch day) and
 * consumer households with their users and invitations. Counts follow the profile's milestones
 * (Sanggang: 430 by the end of 2017; Baoshi: 100).
 */
export function buildConsumerSide(
  profile: MarketProfile,
  group: ProducerGroupRecord,
  staffInviterId: string,
  today: string,
  counter: ConsumerCounter,
  phones: MobileNumbers,
  random: DemoRandom,
): ConsumerSide {
  const side: ConsumerSide = {
    consumerGroups: [],
    pickupPoints: [],
    consumerHouseholds: [],
    invitations: [],
    users: [],
  };
  const pointsOf = new Map<string, PickupPointRecord[]>();
  let pointNumber = 0;
  profile.consumerGroups.forEach((plan, index) => {
    const consumerGroup: ConsumerGroupRecord = {
      id: random.uuid(),
      producerGroupId: group.id,
      code: `${profile.key}-CG${index + 1}`,
      nameZh: plan.nameZh,
      nameEn: plan.nameEn,
      startedOn: plan.startedOn,
    };
    side.consumerGroups.push(consumerGroup);
    const points = plan.pickupPoints.map((p): PickupPointRecord => {
      pointNumber += 1;
      const late = random.chance(0.5);
      return {
        id: random.uuid(),
        producerGroupId: group.id,
        consumerGroupId: consumerGroup.id,
        code: `${profile.key}-P${pointNumber}`,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        city: p.city,
        addressZh: p.addressZh,
        hoursZh: late ? "配送日 17:00–20:00" : "配送日 15:30–19:00",
        hoursEn: late ? "dispatch day 17:00–20:00" : "dispatch day 15:30–19:00",
        openedOn: plan.startedOn,
      };
    });
    side.pickupPoints.push(...points);
    pointsOf.set(consumerGroup.id, points);
  });

  const membersOf = new Map<string, ConsumerHouseholdRecord[]>();
  let lastJoined = 0;
  for (const day of joinDays(profile, today, random)) {
    const date = dateOfDayNumber(day);
    const open = side.consumerGroups.filter((g) => g.startedOn <= date);
    const consumerGroup = random.weighted(open.length > 0 ? open : side.consumerGroups, (g) =>
      g.nameEn.startsWith("Baoding") ? 0.5 : 1,
    );
    const members = membersOf.get(consumerGroup.id) ?? [];
    membersOf.set(consumerGroup.id, members);
    counter.next += 1;
    const number = String(counter.next).padStart(4, "0");
    const surname = random.pick(CITY_SURNAMES);
    const given = random.pick(GIVEN_NAMES_CITY);
    // Strictly increasing: an inviter always joined before the household it invites.
    const drawn = atShanghaiTime(date, random.int(8, 22), random.int(0, 59)).getTime();
    const joinedAt = new Date(Math.max(drawn, lastJoined + 60_000));
    lastJoined = joinedAt.getTime();
    const user: UserRecord = {
      id: random.uuid(),
      email: `c${number}@${DEMO_EMAIL_DOMAIN}`,
      phone: phones.next(random),
      displayName: surname.zh + given.zh,
      role: "CONSUMER",
      locale: random.chance(0.08) ? "en" : "zh-CN",
      demoPassword: DEMO_PASSWORD,
      partnerOrganisationId: null,
      createdAt: joinedAt,
    };
    const byStaff = members.length < 3 || random.chance(0.04);
    const inviter = byStaff ? null : random.pick(members);
    const household: ConsumerHouseholdRecord = {
      id: random.uuid(),
      producerGroupId: group.id,
      consumerGroupId: consumerGroup.id,
      pickupPointId: random.pick(pointsOf.get(consumerGroup.id) ?? []).id,
      userId: user.id,
      code: `C${number}`,
      displayNameZh: `${surname.zh}${given.zh}家`,
      peopleCount: random.int(2, 5),
      joinedAt,
      invitedByConsumerHouseholdId: inviter?.id ?? null,
      invitedByUserId: byStaff ? staffInviterId : null,
    };
    const earliest = inviter
      ? Math.max(inviter.joinedAt.getTime(), joinedAt.getTime() - 10 * 86_400_000)
      : joinedAt.getTime() - 3 * 86_400_000;
    const sentAt = new Date(
      earliest + Math.floor(random.float() * (joinedAt.getTime() - earliest)),
    );
    side.invitations.push({
      id: random.uuid(),
      producerGroupId: group.id,
      consumerGroupId: consumerGroup.id,
      code: `INV-${household.id.slice(0, 8).toUpperCase()}${household.id.slice(9, 13).toUpperCase()}`,
      inviterConsumerHouseholdId: inviter?.id ?? null,
      inviterUserId: byStaff ? staffInviterId : null,
      inviteeConsumerHouseholdId: household.id,
      sentAt,
      acceptedAt: joinedAt,
      expiresAt: new Date(sentAt.getTime() + 30 * 86_400_000),
    });
    members.push(household);
    side.users.push(user);
    side.consumerHouseholds.push(household);
  }
  return side;
}

/** Whether a consumer household had joined by a given instant. */
export function joinedBy(household: ConsumerHouseholdRecord, instant: Date): boolean {
  return household.joinedAt.getTime() <= instant.getTime();
}

/** The business day a consumer household joined. */
export function joinedOn(household: ConsumerHouseholdRecord): string {
  return shanghaiDate(household.joinedAt);
}
