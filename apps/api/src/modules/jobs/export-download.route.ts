import type { Express, Request, Response } from "express";
import { MoreThan } from "typeorm";
import { isUuid } from "../../graphql/ids";
import { can, type RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { sendCsvText, sendJsonError } from "../../server/csv";
import { ExportFile } from "./export-file.entity";
import { EXPORT_PERMISSION } from "./job-handlers";

/** Where export files are downloaded: `/admin/exports/<id>` (see exportDownloadPath). */
export const EXPORT_DOWNLOAD_ROUTE = "/admin/exports/:id";

/**
 * GET {@link EXPORT_DOWNLOAD_ROUTE}: the stored CSV of an export job, from whichever replica
 * answers (the file is a row in PostgreSQL). The caller signs in as for /admin/graphql (session
 * cookie or bearer token): 401 when not signed in; 404 — the same answer — for an unknown or
 * malformed id, an expired file, a file someone else asked for (its existence is not told), or
 * one whose kind needs a permission ({@link EXPORT_PERMISSION}) the caller no longer holds.
 */
export function mountExportDownload(
  app: Express,
  contextFor: (req: Request, res: Response, route: string) => Promise<RequestContext>,
): void {
  app.get(EXPORT_DOWNLOAD_ROUTE, async (req, res, next) => {
    try {
      const ctx = await contextFor(req, res, EXPORT_DOWNLOAD_ROUTE);
      const t = translatorFor(ctx.locale);
      if (ctx.principal.kind !== "user")
        return sendJsonError(res, 401, "UNAUTHENTICATED", t("jobs.exportSignIn"));
      const id = String(req.params.id);
      const file = isUuid(id)
        ? await ctx.manager.getRepository(ExportFile).findOneBy({
            id,
            ownerUserId: ctx.principal.userId,
            expiresAt: MoreThan(new Date()),
          })
        : null;
      // The caller must still hold the permission the export needed (a role changed since).
      const permission = file ? EXPORT_PERMISSION[file.kind] : undefined;
      if (!file || !permission || !can(ctx, permission))
        return sendJsonError(res, 404, "NOT_FOUND", t("jobs.exportNotFound"));
      sendCsvText(res, file.fileName, file.content);
    } catch (error) {
      next(error);
    }
  });
}
