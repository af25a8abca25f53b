import type { Permission } from "@nested/domain";
import type { Logger } from "pino";
import { type DataSource, LessThanOrEqual } from "typeorm";
import { ErrorResult } from "../../graphql/error-result";
import { can, type RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { csvDocument } from "../../server/csv";
import { refreshImpactViews } from "../impact/impact-refresh";
import { packingList } from "../intake/packing-list.service";
import { PACKING_LIST_COLUMNS, packingListRows } from "../intake/packing-list.csv-route";
import type { Settlement } from "../settlement/settlement.entity";
import { recalculateSettlements } from "../settlement/settlement.service";
import { ExportFile } from "./export-file.entity";
import { jobContext } from "./job-context";
import type { JobHandlers, JobOutcome } from "./job-queue";

/** How long an export file may be downloaded: 24 hours after it was made. */
export const EXPORT_TTL_MS = 24 * 60 * 60 * 1000;

/** Where an export file is downloaded (same authentication as /admin/graphql). */
export function exportDownloadPath(id: string): string {
  return `/admin/exports/${id}`;
}

function refusal(error: ErrorResult): JobOutcome {
  return { ok: false, errorCode: error.errorCode, message: error.message };
}

/**
 * Which permission each kind of export needs, to be made and to be downloaded: the one its
 * mutation requires (`requestPackingListExport`: intake:record).
 */
export const EXPORT_PERMISSION: Readonly<Record<string, Permission>> = {
  "packing-list": "intake:record",
};

/**
 * A FORBIDDEN refusal when the requester, as they are now, is gone (disabled or deleted) or no
 * longer holds `permission` (a role changed since the job was asked for); null to go ahead.
 */
function requesterMayNot(ctx: RequestContext, permission: Permission): JobOutcome | null {
  const t = translatorFor(ctx.locale);
  if (ctx.principal.kind !== "user")
    return { ok: false, errorCode: "FORBIDDEN", message: t("jobs.requesterGone") };
  if (!can(ctx, permission))
    return { ok: false, errorCode: "FORBIDDEN", message: t("jobs.requesterNotAllowed") };
  return null;
}

/**
 * The work of every job kind, over `dataSource`:
 * - `settlement.calculate` {orderCycleId}: recalculateSettlements as the requester (the same
 *   code and checks as the synchronous mutation, whose settlement:approve the requester must
 *   still hold); result {orderCycleId, settlementCount,
 *   grossFen, deductionsFen, netFen} (Σ over the cycle's settlements, fen); a refusal (cycle not
 *   SETTLING, not found, outside the requester's groups) ends the job FAILED with its message.
 * - `impact.refresh`: {@link refreshImpactViews}; result {views: [{view, mode}]}.
 * - `export.packing-list` {orderCycleId}: the packing list CSV of the cycle (the columns of
 *   /admin/packing-list.csv; the requester must still hold intake:record) stored as an {@link ExportFile} of the requester for
 *   {@link EXPORT_TTL_MS}, after deleting every expired export file; result {exportFileId, fileName, downloadPath, rowCount}.
 */
export function createJobHandlers(dataSource: DataSource, log: Logger): JobHandlers {
  return {
    "settlement.calculate": async (data, jobId) => {
      const ctx = await jobContext(dataSource, log, jobId, data);
      const forbidden = requesterMayNot(ctx, "settlement:approve");
      if (forbidden) return forbidden;
      const settlements = await recalculateSettlements(ctx, String(data.orderCycleId));
      if (settlements instanceof ErrorResult) return refusal(settlements);
      const sum = (pick: (s: Settlement) => number) =>
        settlements.reduce((total, s) => total + pick(s), 0);
      return {
        ok: true,
        result: {
          orderCycleId: data.orderCycleId,
          settlementCount: settlements.length,
          grossFen: sum((s) => s.grossFen),
          deductionsFen: sum((s) => s.deductionsFen),
          netFen: sum((s) => s.netFen),
        },
      };
    },
    "impact.refresh": async () => ({
      ok: true,
      result: { views: await refreshImpactViews(dataSource) },
    }),
    "export.packing-list": async (data, jobId) => {
      const ctx = await jobContext(dataSource, log, jobId, data);
      const t = translatorFor(ctx.locale);
      const forbidden = requesterMayNot(ctx, EXPORT_PERMISSION["packing-list"]!);
      if (forbidden || ctx.principal.kind !== "user") return forbidden!;
      const list = await packingList(ctx, String(data.orderCycleId), null);
      if (typeof list === "string")
        return { ok: false, errorCode: "NOT_FOUND", message: t("intake.cycleNotFound") };
      const rows = packingListRows(list, ctx.locale);
      // Expired files hold consumers' names and phone numbers nobody may download any more.
      await dataSource.getRepository(ExportFile).delete({ expiresAt: LessThanOrEqual(new Date()) });
      const file = await dataSource.getRepository(ExportFile).save({
        ownerUserId: ctx.principal.userId,
        kind: "packing-list",
        fileName: `packing-list-${list.orderCycleCode}.csv`,
        content: csvDocument(
          PACKING_LIST_COLUMNS.map((column) => t(`intake.csv.${column}`)),
          rows,
        ),
        expiresAt: new Date(Date.now() + EXPORT_TTL_MS),
      });
      return {
        ok: true,
        result: {
          exportFileId: file.id,
          fileName: file.fileName,
          downloadPath: exportDownloadPath(file.id),
          rowCount: rows.length,
        },
      };
    },
  };
}
