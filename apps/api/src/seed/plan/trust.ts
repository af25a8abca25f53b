import { atShanghaiTime, isoDate, shanghaiDate, shanghaiFields } from "./calendar";
import type { ConsumerHouseholdRecord } from "./consumers";
import type { MembershipRecord } from "./households";
import { activeOn } from "./market-context";
import type { DemoRandom } from "./random";
import type { ProducerGroupRecord } from "./villages";

/** Kinds of trust event (taihang-facts.md, "trust"). */
export type TrustEventKind = "VILLAGE_VISIT" | "MEETING" | "PEER_REVIEW";

/** A trust event of a producer group: held in the past, or open for consumers to sign up. */
export interface TrustEventRecord {
  id: string;
  producerGroupId: string;
  kind: TrustEventKind;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  locationZh: string;
  villageId: string;
  /** Village visits are open to consumer households; meetings and peer reviews are not. */
  openToConsumers: boolean;
  startsAt: Date;
  endsAt: Date;
  state: "HELD" | "OPEN_FOR_SIGNUP";
  /** People the event can take (visits open to consumers), else null. */
  capacityPeople: number | null;
}

/**
 * Who came (or signed up): a consumer household with `peopleCount` people (children included),
 * or a producer household.
 */
export interface TrustEventAttendanceRecord {
  id: string;
  producerGroupId: string;
  trustEventId: string;
  consumerHouseholdId: string | null;
  householdId: string | null;
  peopleCount: number;
  signedUpAt: Date;
  /** ATTENDED for held events, SIGNED_UP for the upcoming one. */
  state: "ATTENDED" | "SIGNED_UP";
}

/** A group's trust events and attendance. */
export interface TrustRecords {
  events: TrustEventRecord[];
  attendance: TrustEventAttendanceRecord[];
}

interface EventPlan {
  kind: TrustEventKind;
  month: number;
  day: number;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
}

const YEARLY: readonly EventPlan[] = [
  {
    kind: "MEETING",
    month: 1,
    day: 12,
    titleZh: "年度总结会",
    titleEn: "Year review meeting",
    descriptionZh: "小组成员与项目人员一起回顾一年的报货、质检和结算。",
  },
  {
    kind: "VILLAGE_VISIT",
    month: 5,
    day: 16,
    titleZh: "春季进村走访",
    titleEn: "Spring village visit",
    descriptionZh: "消费者带孩子进村，看柴鸡散养、认识生产户。",
  },
  {
    kind: "PEER_REVIEW",
    month: 8,
    day: 8,
    titleZh: "生产户互评",
    titleEn: "Producer peer review",
    descriptionZh: "生产户互相查看鸡舍和猪圈，评议自产情况。",
  },
  {
    kind: "VILLAGE_VISIT",
    month: 10,
    day: 17,
    titleZh: "秋收进村走访",
    titleEn: "Autumn harvest visit",
    descriptionZh: "消费者一起打核桃、捡板栗，在农户家吃午饭。",
  },
];

/**
 * Trust events of a group from its first year to `now`: a year-review meeting, two village
 * visits and a peer review each year, Sanggang's 2013 meeting on uneven egg sizes, and one
 * upcoming village visit three weeks after `now`, open for sign-up, with a few sign-ups.
 */
export function buildTrustEvents(
  group: ProducerGroupRecord,
  firstYear: number,
  consumers: readonly ConsumerHouseholdRecord[],
  memberships: readonly MembershipRecord[],
  now: Date,
  random: DemoRandom,
): TrustRecords {
  const out: TrustRecords = { events: [], attendance: [] };
  const location = `${group.nameZh.replace("生产小组", "")}组长家院子`;
  const plans: { year: number; plan: EventPlan }[] = [];
  for (let year = firstYear; year <= shanghaiFields(now).year; year++) {
    for (const plan of YEARLY) {
      if (year === firstYear && plan.month < 4) continue;
      plans.push({ year, plan });
    }
    if (group.code === "SG" && year === 2013) {
      plans.push({
        year,
        plan: {
          kind: "MEETING",
          month: 6,
          day: 22,
          titleZh: "鸡蛋大小不一答疑会",
          titleEn: "Meeting on uneven egg sizes",
          descriptionZh:
            "有消费者认为鸡蛋大小不一是掺了市场蛋，生产户和消费者当面说明：老母鸡和新开产的鸡下的蛋大小本来就不同。",
        },
      });
    }
  }
  for (const { year, plan } of plans) {
    const startsAt = atShanghaiTime(isoDate(year, plan.month, plan.day), 9);
    if (startsAt.getTime() >= now.getTime()) continue;
    const event: TrustEventRecord = {
      id: random.uuid(),
      producerGroupId: group.id,
      kind: plan.kind,
      titleZh: `${year}年${plan.titleZh}`,
      titleEn: `${plan.titleEn} ${year}`,
      descriptionZh: plan.descriptionZh,
      locationZh: location,
      villageId: group.villageId,
      openToConsumers: plan.kind === "VILLAGE_VISIT",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7 * 60 * 60 * 1000),
      state: "HELD",
      capacityPeople: plan.kind === "VILLAGE_VISIT" ? 40 : null,
    };
    out.events.push(event);
    const day = shanghaiDate(startsAt);
    if (plan.kind === "VILLAGE_VISIT" || (plan.kind === "MEETING" && plan.month === 6)) {
      const joined = consumers.filter((c) => c.joinedAt.getTime() < startsAt.getTime());
      for (const c of random.shuffled(joined).slice(0, random.int(5, 12))) {
        out.attendance.push({
          id: random.uuid(),
          producerGroupId: group.id,
          trustEventId: event.id,
          consumerHouseholdId: c.id,
          householdId: null,
          peopleCount: random.int(1, 4),
          signedUpAt: new Date(startsAt.getTime() - random.int(2, 20) * 86_400_000),
          state: "ATTENDED",
        });
      }
    }
    if (plan.kind !== "VILLAGE_VISIT") {
      const active = memberships.filter((m) => activeOn(m, day));
      for (const m of random.shuffled(active).slice(0, random.int(8, 20))) {
        out.attendance.push({
          id: random.uuid(),
          producerGroupId: group.id,
          trustEventId: event.id,
          consumerHouseholdId: null,
          householdId: m.householdId,
          peopleCount: 1,
          signedUpAt: new Date(startsAt.getTime() - 86_400_000),
          state: "ATTENDED",
        });
      }
    }
  }

  // The upcoming visit, three weeks ahead.
  const visitDay = shanghaiDate(new Date(now.getTime() + 21 * 86_400_000));
  const startsAt = atShanghaiTime(visitDay, 9);
  const upcoming: TrustEventRecord = {
    id: random.uuid(),
    producerGroupId: group.id,
    kind: "VILLAGE_VISIT",
    titleZh: "进村走访（报名中）",
    titleEn: "Village visit (sign-up open)",
    descriptionZh: "欢迎消费者家庭进村，看看您的鸡蛋是哪家养的鸡下的。请在报名时填写同行人数。",
    villageId: group.villageId,
    openToConsumers: true,
    locationZh: location,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 7 * 60 * 60 * 1000),
    state: "OPEN_FOR_SIGNUP",
    capacityPeople: 40,
  };
  out.events.push(upcoming);
  const settled = consumers.filter((c) => c.joinedAt.getTime() < now.getTime() - 3 * 86_400_000);
  for (const c of random.shuffled(settled).slice(0, random.int(3, 6))) {
    out.attendance.push({
      id: random.uuid(),
      producerGroupId: group.id,
      trustEventId: upcoming.id,
      consumerHouseholdId: c.id,
      householdId: null,
      peopleCount: random.int(1, 4),
      signedUpAt: new Date(now.getTime() - random.int(1, 48) * 60 * 60 * 1000),
      state: "SIGNED_UP",
    });
  }
  return out;
}
