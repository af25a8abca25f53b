import { normalizeChinaPhone, PhoneError } from "@nested/domain";
import type { TFunction } from "i18next";
import { QueryFailedError } from "typeorm";
import { FieldProblem } from "../../graphql/error-result";
import { isDisplayName } from "../../graphql/text-input";
import { inTransaction, type RequestContext } from "../../graphql/request-context";
import { ConsumerGroup } from "../consumer/consumer-group.entity";
import { ConsumerHousehold } from "../consumer/consumer-household.entity";
import { Invitation } from "../consumer/invitation.entity";
import { hashPassword } from "./password";
import { type NewSession, startSession } from "./session.service";
import { User } from "./user.entity";

/** Shortest password accepted at registration. */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest password accepted (argon2 takes any length; this bounds the work a request can ask for). */
export const MAX_PASSWORD_LENGTH = 200;

/** A registration that passed validation: trimmed name, e-mail as given, phone in E.164. */
export interface ValidRegistration {
  invitationCode: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  password: string;
}

/** What came in from the edge, before validation. */
export interface RegistrationRequest {
  invitationCode: string;
  displayName: string;
  email?: string | null;
  phone?: string | null;
  password: string;
}

/** Why a registration did not happen; nothing was stored in any of these cases. */
export type RegistrationRefusal = { kind: "invalid-invitation" } | { kind: "account-exists" };

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function problem(field: string, message: string): FieldProblem {
  return Object.assign(new FieldProblem(), { field, message });
}

/**
 * Checks a registration at the edge; every problem is listed, in the caller's language.
 * Returns the cleaned registration, or the problems.
 */
export function validateRegistration(
  input: RegistrationRequest,
  t: TFunction,
): { ok: true; value: ValidRegistration } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const displayName = input.displayName.trim();
  if (!isDisplayName(displayName)) {
    problems.push(problem("displayName", t("identity.displayNameRequired")));
  }
  const email = input.email?.trim() || null;
  if (email !== null && (email.length > 254 || !EMAIL_PATTERN.test(email))) {
    problems.push(problem("email", t("identity.invalidEmail")));
  }
  let phone: string | null = null;
  if (input.phone?.trim()) {
    try {
      phone = normalizeChinaPhone(input.phone);
    } catch (error) {
      const reason = error instanceof PhoneError ? error.message : String(error);
      problems.push(problem("phone", t("identity.invalidPhone", { reason })));
    }
  }
  if (email === null && !input.phone?.trim())
    problems.push(problem("email", t("identity.needEmailOrPhone")));
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH) {
    problems.push(
      problem(
        "password",
        t("identity.passwordLength", { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH }),
      ),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      invitationCode: input.invitationCode.trim(),
      displayName,
      email,
      phone,
      password: input.password,
    },
  };
}

/** True when `error` is PostgreSQL's unique_violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError && (error.driverError as { code?: string }).code === "23505"
  );
}

/**
 * True when an account (soft-deleted ones included) already has this e-mail (ignoring case) or
 * phone number (E.164). The unique indexes on users guard the same against races.
 */
export async function accountTaken(
  ctx: RequestContext,
  login: { email: string | null; phone: string | null },
): Promise<boolean> {
  return ctx.manager
    .getRepository(User)
    .createQueryBuilder("u")
    .withDeleted()
    .where("lower(u.email) = lower(:email)", { email: login.email ?? "" })
    .orWhere("u.phone = :phone", { phone: login.phone ?? "" })
    .getExists();
}

/**
 * Registers a consumer household with an invitation code, in one transaction: the user (role
 * CONSUMER), the consumer household in the inviter's consumer group with that group's default
 * pickup point, the invitation marked used, and a new session. The invitation row is locked, so
 * two people racing for one code get one account between them.
 */
export async function registerConsumer(
  ctx: RequestContext,
  registration: ValidRegistration,
): Promise<NewSession | RegistrationRefusal> {
  const passwordHash = await hashPassword(registration.password);
  try {
    return await inTransaction(ctx, async (tx) => {
      const invitation = await tx.manager
        .getRepository(Invitation)
        .createQueryBuilder("i")
        .setLock("pessimistic_write")
        .where("i.code = :code", { code: registration.invitationCode })
        .getOne();
      if (
        !invitation ||
        invitation.usedByConsumerHouseholdId ||
        invitation.expiresAt.getTime() <= Date.now()
      ) {
        return { kind: "invalid-invitation" } as const;
      }
      const users = tx.manager.getRepository(User);
      if (await accountTaken(tx, registration)) return { kind: "account-exists" } as const;

      const user = await users.save(
        users.create({
          email: registration.email,
          phone: registration.phone,
          passwordHash,
          role: "CONSUMER",
          displayName: registration.displayName,
          locale: ctx.locale,
        }),
      );
      const group = await tx.manager
        .getRepository(ConsumerGroup)
        .findOneByOrFail({ id: invitation.consumerGroupId });
      const households = tx.manager.getRepository(ConsumerHousehold);
      const household = await households.save(
        households.create({
          producerGroupId: invitation.producerGroupId,
          consumerGroupId: invitation.consumerGroupId,
          userId: user.id,
          displayName: registration.displayName,
          defaultPickupPointId: group.defaultPickupPointId,
          invitedByConsumerHouseholdId: invitation.issuedByConsumerHouseholdId,
        }),
      );
      await tx.manager
        .getRepository(Invitation)
        .update(
          { id: invitation.id },
          { usedByConsumerHouseholdId: household.id, usedAt: new Date() },
        );
      return startSession(tx, user);
    });
  } catch (error) {
    // Another registration took the same e-mail or phone between our check and our insert.
    if (isUniqueViolation(error)) return { kind: "account-exists" };
    throw error;
  }
}
