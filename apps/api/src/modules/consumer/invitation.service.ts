import { randomInt } from "node:crypto";
import { inTransaction, type RequestContext } from "../../graphql/request-context";
import { callerConsumerHousehold } from "./consumer-household.service";
import { Invitation } from "./invitation.entity";
import { InvitationCodeState, InvitationCodeType } from "./invitation.types";

/** Characters of a code: digits and capitals without 0, O, 1 and I, which are easily confused. */
export const INVITATION_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** Length of a code: 32⁸ ≈ 1.1 × 10¹² possible codes. */
export const INVITATION_CODE_LENGTH = 8;

/** Most unused, unexpired codes a consumer household may hold at a time. */
export const MAX_UNUSED_INVITATIONS = 5;

/** Days a code stays valid after it is made. */
export const INVITATION_VALID_DAYS = 90;

/** A random code of {@link INVITATION_CODE_LENGTH} characters from {@link INVITATION_ALPHABET}. */
export function generateInvitationCode(): string {
  let code = "";
  for (let i = 0; i < INVITATION_CODE_LENGTH; i++)
    code += INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)];
  return code;
}

function toView(invitation: Invitation, now: Date): InvitationCodeType {
  const state = invitation.usedAt
    ? InvitationCodeState.USED
    : invitation.expiresAt.getTime() <= now.getTime()
      ? InvitationCodeState.EXPIRED
      : InvitationCodeState.UNUSED;
  return Object.assign(new InvitationCodeType(), {
    code: invitation.code,
    state,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    usedAt: invitation.usedAt,
  });
}

/** The codes the caller's household issued, newest first; empty for callers without one. */
export async function myInvitationCodes(ctx: RequestContext): Promise<InvitationCodeType[]> {
  const household = await callerConsumerHousehold(ctx);
  if (!household) return [];
  const rows = await ctx.manager.getRepository(Invitation).find({
    where: { issuedByConsumerHouseholdId: household.id },
    order: { createdAt: "DESC", id: "DESC" },
  });
  const now = new Date();
  return rows.map((row) => toView(row, now));
}

/** The outcome of {@link createInvitationCode}. */
export type CreateInvitationOutcome =
  { kind: "created"; code: InvitationCodeType } | { kind: "limit" } | { kind: "no-household" };

/**
 * Issues a new invitation code to the caller's consumer group, valid for
 * {@link INVITATION_VALID_DAYS} days. Refused when the household already holds
 * {@link MAX_UNUSED_INVITATIONS} unused, unexpired codes; the household row is locked, so two
 * concurrent requests cannot both pass the count. A code that happens to exist already is drawn
 * again (the unique index `uq_invitations_code` is the last guard).
 */
export async function createInvitationCode(ctx: RequestContext): Promise<CreateInvitationOutcome> {
  return inTransaction(ctx, async (tx) => {
    const household = await callerConsumerHousehold(tx, { lock: true });
    if (!household) return { kind: "no-household" } as const;
    const repo = tx.manager.getRepository(Invitation);
    const unused = await repo
      .createQueryBuilder("i")
      .where("i.issued_by_consumer_household_id = :id", { id: household.id })
      .andWhere("i.used_at IS NULL AND i.expires_at > now()")
      .getCount();
    if (unused >= MAX_UNUSED_INVITATIONS) return { kind: "limit" } as const;
    let code = generateInvitationCode();
    while (await repo.existsBy({ code })) code = generateInvitationCode();
    const now = new Date();
    const saved = await repo.save(
      repo.create({
        producerGroupId: household.producerGroupId,
        consumerGroupId: household.consumerGroupId,
        code,
        issuedByConsumerHouseholdId: household.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 3600 * 1000),
      }),
    );
    return { kind: "created", code: toView(saved, now) } as const;
  });
}
