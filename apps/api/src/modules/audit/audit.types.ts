import { Field, ID, ObjectType } from "type-graphql";
import { PaginatedList } from "../../graphql/pagination";

/** One row of the audit log as admins see it; `before`/`after` are JSON text. */
@ObjectType("AuditLogEntry")
export class AuditLogEntryType {
  @Field(() => ID)
  id: string;

  @Field({ description: "When (UTC)." })
  at: Date;

  @Field(() => ID, { nullable: true, description: "Who; null for the system." })
  actorUserId: string | null;

  @Field({ description: "What, e.g. household.update or READ_SENSITIVE." })
  action: string;

  @Field()
  entityType: string;

  @Field(() => ID)
  entityId: string;

  @Field(() => String, { nullable: true, description: "The row before the change, as JSON." })
  before: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The row after the change (for READ_SENSITIVE: the fields read), as JSON.",
  })
  after: string | null;
}

/** A page of audit log rows. */
@ObjectType("AuditLogList")
export class AuditLogList extends PaginatedList(AuditLogEntryType) {}
