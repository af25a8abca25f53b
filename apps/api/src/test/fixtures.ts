import type { Role } from "@nested/domain";
import type { DataSource } from "typeorm";
import { Product } from "../modules/catalog/product.entity";
import { Variant } from "../modules/catalog/variant.entity";
import { ConsumerGroup } from "../modules/consumer/consumer-group.entity";
import { Invitation } from "../modules/consumer/invitation.entity";
import { PickupPoint } from "../modules/consumer/pickup-point.entity";
import { Household } from "../modules/household/household.entity";
import { createTaihangVillages, type TaihangVillages } from "./taihang-villages";
import { hashPassword } from "../modules/identity/password";
import { User } from "../modules/identity/user.entity";
import { UserProducerGroup } from "../modules/identity/user-producer-group.entity";
import { PartnerOrganisation } from "../modules/partner/partner-organisation.entity";
import { PartnerOrganisationGroup } from "../modules/partner/partner-organisation-group.entity";

/** The password of every fixture user. */
export const FIXTURE_PASSWORD = "taihang-2011";

/** A small, hand-made market for API tests: two villages, one group each, users of every role. */
export interface Fixture extends TaihangVillages {
  pickupPoint: PickupPoint;
  consumerGroup: ConsumerGroup;
  /** Sign-in e-mail of a user of each role; staff and finance work for Sanggang only. */
  logins: Record<Role, string>;
  users: Record<Role, User>;
  partnerOrganisation: PartnerOrganisation;
  /** Unused invitation codes to Sanggang's consumer group, valid for a year. */
  invitationCode: string;
  secondInvitationCode: string;
  expiredInvitationCode: string;
  households: Household[];
  products: Product[];
}

/** Writes {@link Fixture} into a migrated database. */
export async function loadFixture(dataSource: DataSource): Promise<Fixture> {
  const m = dataSource.manager;
  const { villages, groups } = await createTaihangVillages(m);
  const { sanggang: sgGroup, baoshi: bsGroup } = groups;
  const { sanggang, baoshi } = villages;
  const pickupPoint = await m.save(PickupPoint, {
    producerGroupId: sgGroup.id,
    nameZh: "海淀·学院路",
    nameEn: "Haidian, Xueyuan Road",
    city: "北京",
    address: "北京市海淀区学院路 1 号",
    pickupHours: "周六 9:00–12:00",
  });
  const consumerGroup = await m.save(ConsumerGroup, {
    producerGroupId: sgGroup.id,
    name: "学院路消费者小组",
    defaultPickupPointId: pickupPoint.id,
  });
  const partnerOrganisation = await m.save(PartnerOrganisation, {
    name: "山地发展研究会",
    suppressionK: 5,
  });
  await m.save(PartnerOrganisationGroup, [
    { partnerOrganisationId: partnerOrganisation.id, producerGroupId: sgGroup.id },
    { partnerOrganisationId: partnerOrganisation.id, producerGroupId: bsGroup.id },
  ]);

  const passwordHash = await hashPassword(FIXTURE_PASSWORD);
  const roles: Role[] = ["CONSUMER", "STAFF", "FINANCE", "ADMIN", "PARTNER"];
  const users = {} as Record<Role, User>;
  const logins = {} as Record<Role, string>;
  for (const role of roles) {
    logins[role] = `${role.toLowerCase()}@fixture.test`;
    users[role] = await m.save(User, {
      email: logins[role],
      phone: null,
      passwordHash,
      role,
      displayName: `${role} 测试`,
      locale: "zh-CN",
      partnerOrganisationId: role === "PARTNER" ? partnerOrganisation.id : null,
    });
  }
  await m.save(UserProducerGroup, [
    { userId: users.STAFF.id, producerGroupId: sgGroup.id },
    { userId: users.FINANCE.id, producerGroupId: sgGroup.id },
  ]);

  const yearAhead = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  await m.save(Invitation, [
    {
      producerGroupId: sgGroup.id,
      consumerGroupId: consumerGroup.id,
      code: "SG-INVITE-0001",
      issuedByUserId: users.STAFF.id,
      expiresAt: yearAhead,
    },
    {
      producerGroupId: sgGroup.id,
      consumerGroupId: consumerGroup.id,
      code: "SG-INVITE-0002",
      issuedByUserId: users.STAFF.id,
      expiresAt: yearAhead,
    },
    {
      producerGroupId: sgGroup.id,
      consumerGroupId: consumerGroup.id,
      code: "SG-INVITE-OLD",
      issuedByUserId: users.STAFF.id,
      createdAt: new Date("2019-12-01T00:00:00Z"),
      expiresAt: new Date("2020-01-01T00:00:00Z"),
    },
  ]);

  const households = await m.save(Household, [
    {
      producerGroupId: sgGroup.id,
      villageId: sanggang.id,
      code: "SG-001",
      headName: "李秀兰",
      headSex: "F",
      headAgeBand: "60_69",
      size: 3,
      registeredPoor: true,
      membershipState: "ACTIVE",
      joinedOn: "2011-04-01",
    },
    {
      producerGroupId: sgGroup.id,
      villageId: sanggang.id,
      code: "SG-002",
      headName: "张建国",
      headSex: "M",
      headAgeBand: "50_59",
      size: 4,
      registeredPoor: false,
      membershipState: "ACTIVE",
      joinedOn: "2012-05-01",
    },
    {
      producerGroupId: null,
      villageId: sanggang.id,
      code: "SG-150",
      headName: "王桂芳",
      headSex: "F",
      headAgeBand: "70_PLUS",
      size: 1,
      registeredPoor: true,
      membershipState: null,
    },
    {
      producerGroupId: bsGroup.id,
      villageId: baoshi.id,
      code: "BS-001",
      headName: "赵玉梅",
      headSex: "F",
      headAgeBand: "40_49",
      size: 5,
      registeredPoor: true,
      membershipState: "ACTIVE",
      joinedOn: "2016-05-01",
    },
  ] as Partial<Household>[]);

  const products = await m.save(Product, [
    {
      nameZh: "柴鸡蛋",
      nameEn: "Free-range eggs",
      category: "EGGS",
      seasonMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    },
    { nameZh: "核桃", nameEn: "Walnuts", category: "NUTS", seasonMonths: [9, 10, 11, 12] },
    { nameZh: "小米", nameEn: "Millet", category: "GRAIN", seasonMonths: [10, 11, 12, 1, 2, 3] },
  ] as Partial<Product>[]);
  await m.save(Variant, [
    {
      productId: products[0]!.id,
      nameZh: "一斤装",
      nameEn: "1 jin",
      unit: "JIN",
      grams: 500,
      maxPerOrder: 10,
    },
    {
      productId: products[0]!.id,
      nameZh: "三十枚",
      nameEn: "30 eggs",
      unit: "BOX",
      grams: null,
      maxPerOrder: 4,
    },
    {
      productId: products[1]!.id,
      nameZh: "两斤装",
      nameEn: "2 jin bag",
      unit: "BAG",
      grams: 1000,
      maxPerOrder: 5,
    },
    {
      productId: products[2]!.id,
      nameZh: "五斤装",
      nameEn: "5 jin bag",
      unit: "BAG",
      grams: 2500,
      maxPerOrder: 5,
    },
  ] as Partial<Variant>[]);

  return {
    villages,
    groups,
    pickupPoint,
    consumerGroup,
    logins,
    users,
    partnerOrganisation,
    invitationCode: "SG-INVITE-0001",
    secondInvitationCode: "SG-INVITE-0002",
    expiredInvitationCode: "SG-INVITE-OLD",
    households,
    products,
  };
}
