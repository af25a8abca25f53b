import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { type Page, PageInput } from "../../graphql/pagination";
import { RequirePermission } from "../../graphql/permissions";
import type { RequestContext } from "../../graphql/request-context";
import { listAuditLog } from "./audit.service";
import { AuditLogEntryType, AuditLogList } from "./audit.types";

/** The audit log, read by admins. */
@Resolver()
export class AuditAdminResolver {
  @RequirePermission("audit:read")
  @Query(() => AuditLogList, { description: "The audit trail of one record, newest first." })
  async auditLog(
    @Ctx() ctx: RequestContext,
    @Arg("entityType") entityType: string,
    @Arg("entityId", () => ID) entityId: string,
    @Arg("page", () => PageInput, { defaultValue: { skip: 0, take: 20 } }) page: PageInput,
  ): Promise<Page<AuditLogEntryType>> {
    const { items, totalItems } = await listAuditLog(ctx, { entityType, entityId, ...page });
    return {
      totalItems,
      items: items.map((row) => ({
        ...row,
        before: row.before ? JSON.stringify(row.before) : null,
        after: row.after ? JSON.stringify(row.after) : null,
      })),
    };
  }
}
