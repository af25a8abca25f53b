import type { Role } from "@nested/domain";
import type { DemoRandom } from "./random";

/** The password of every demo account (documented in the README and the seed's output). */
export const DEMO_PASSWORD = "demo1234";

/** Domain of every demo e-mail address. */
export const DEMO_EMAIL_DOMAIN = "demo.nested.market";

/**
 * A user account. `demoPassword` is plain text on purpose: the writer hashes each distinct
 * password once (argon2id is slow) and stores only the hash.
 */
export interface UserRecord {
  id: string;
  email: string;
  /** A mainland mobile number in E.164 form, `+861[3-9]xxxxxxxxx`, or null. */
  phone: string | null;
  displayName: string;
  role: Role;
  locale: "zh-CN" | "en";
  demoPassword: string;
  /** For PARTNER users: their organisation. */
  partnerOrganisationId: string | null;
  createdAt: Date;
}

/** A partner organisation (NGO) that follows impact through aggregates only. */
export interface PartnerOrganisationRecord {
  id: string;
  nameZh: string;
  nameEn: string;
  createdAt: Date;
}

/** Which producer groups a partner organisation may see aggregates of. */
export interface PartnerAccessRecord {
  id: string;
  partnerOrganisationId: string;
  producerGroupId: string;
  grantedAt: Date;
}

/** Which producer groups a STAFF, FINANCE or ADMIN user works for. */
export interface StaffAssignmentRecord {
  id: string;
  userId: string;
  producerGroupId: string;
  since: Date;
}

/** A sign-in of the demo, for the README and the seed's closing message. */
export interface DemoSignIn {
  email: string;
  role: Role;
  password: string;
  what: string;
}

const MOBILE_PREFIXES = ["135", "136", "138", "139", "150", "151", "158", "177", "186", "188"];

/** Issues unique, valid-looking mainland mobile numbers. */
export class MobileNumbers {
  private readonly used = new Set<string>();

  /** A fresh number `+86` `1[3-9]` + 9 digits, never issued before by this instance. */
  next(random: DemoRandom): string {
    for (;;) {
      const phone =
        "+86" + random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, "0");
      if (!this.used.has(phone)) {
        this.used.add(phone);
        return phone;
      }
    }
  }
}

/** Staff and partner users of the demo, built once for all producer groups. */
export interface StaffWorld {
  users: UserRecord[];
  admin: UserRecord;
  fieldWorker: UserRecord;
  finance: UserRecord;
  partnerUser: UserRecord;
  partner: PartnerOrganisationRecord;
}

/** Builds the admin, field worker, finance user and the partner organisation with its user. */
export function buildStaff(createdAt: Date, phones: MobileNumbers, random: DemoRandom): StaffWorld {
  const partner: PartnerOrganisationRecord = {
    id: random.uuid(),
    nameZh: "山地乡村发展协作网络（示例）",
    nameEn: "Mountain Rural Development Network (demo)",
    createdAt,
  };
  const user = (
    local: string,
    displayName: string,
    role: Role,
    partnerId: string | null = null,
  ): UserRecord => ({
    id: random.uuid(),
    email: `${local}@${DEMO_EMAIL_DOMAIN}`,
    phone: phones.next(random),
    displayName,
    role,
    locale: "zh-CN",
    demoPassword: DEMO_PASSWORD,
    partnerOrganisationId: partnerId,
    createdAt,
  });
  const admin = user("admin", "系统管理员 Admin", "ADMIN");
  const fieldWorker = user("staff", "田野工作者 小周", "STAFF");
  const finance = user("finance", "财务 何会计", "FINANCE");
  const partnerUser = user("partner", "合作机构 观察员", "PARTNER", partner.id);
  return {
    users: [admin, fieldWorker, finance, partnerUser],
    admin,
    fieldWorker,
    finance,
    partnerUser,
    partner,
  };
}
