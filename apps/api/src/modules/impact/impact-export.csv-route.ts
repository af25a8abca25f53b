import type { Express, Request, Response } from "express";
import { can, type RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { type CsvCell, sendJsonError, streamCsv } from "../../server/csv";
import { exportQuery } from "./impact-export.params";
import { impactMetrics } from "./impact-metrics.service";
import type { ImpactCellType } from "./impact-metrics.types";

/** Where partners download impact metrics as CSV (same API key as /partner/graphql). */
export const IMPACT_EXPORT_ROUTE = "/partner/export.csv";

/** The CSV columns, in order; headers come from `impact.csv.*` in the caller's language. */
export const IMPACT_CSV_COLUMNS = [
  "metric",
  "year",
  "month",
  "village",
  "headSex",
  "ageBand",
  "registeredPoor",
  "productCategory",
  "value",
  "suppressed",
  "householdCount",
] as const;

/** One CSV row of a cell: numbers stay numbers, booleans are `true`/`false`, null is empty. */
export function impactCsvRow(cell: ImpactCellType): CsvCell[] {
  const flag = (value: boolean | null) => (value === null ? null : String(value));
  return [
    cell.metric,
    cell.year,
    cell.month,
    cell.villageName,
    cell.headSex,
    cell.ageBand,
    flag(cell.registeredPoor),
    cell.productCategory,
    cell.value,
    String(cell.suppressed),
    cell.householdCount,
  ];
}

/** Where signed-in staff and partner users of the admin SPA download the same CSV (session). */
export const ADMIN_IMPACT_EXPORT_ROUTE = "/admin/impact-export.csv";

/** Which of the two downloads a mount serves, and how its caller is told to authenticate. */
export interface ImpactExportMount {
  route: typeof IMPACT_EXPORT_ROUTE | typeof ADMIN_IMPACT_EXPORT_ROUTE;
  /** Message keys of the 401 and 403 answers (an API key's or a session's wording). */
  signInKey: string;
  forbiddenKey: string;
  /** True on the admin route: `unsuppressed=true` counts for holders of impact:read-unsuppressed. */
  allowUnsuppressed: boolean;
}

/** The partner download: bearer API key (or a PARTNER session), always suppressed. */
export const PARTNER_IMPACT_EXPORT: ImpactExportMount = {
  route: IMPACT_EXPORT_ROUTE,
  signInKey: "impact.csvSignIn",
  forbiddenKey: "impact.csvForbidden",
  allowUnsuppressed: false,
};

/** The admin SPA's download: the admin session, as the admin `impactMetrics` query. */
export const ADMIN_IMPACT_EXPORT: ImpactExportMount = {
  route: ADMIN_IMPACT_EXPORT_ROUTE,
  signInKey: "impact.csvSessionSignIn",
  forbiddenKey: "impact.csvSessionForbidden",
  allowUnsuppressed: true,
};

/**
 * GET `mount.route``?…&lang=zh-CN|en`: the cells of the `impactMetrics` query given by the
 * parameters ({@link exportQuery}) streamed as CSV (UTF-8 with BOM, formula cells neutralised,
 * numbers as numbers). {@link IMPACT_EXPORT_ROUTE} authenticates like /partner/graphql (bearer
 * API key) and is always suppressed; {@link ADMIN_IMPACT_EXPORT_ROUTE} like /admin/graphql
 * (session cookie or bearer session token) and, as the admin query, leaves cells unsuppressed
 * when `unsuppressed=true` is asked by a holder of impact:read-unsuppressed (ignored otherwise).
 * 401 when not signed in, 403 without impact:read, 400 for a bad query — each a JSON
 * `{ errors: [{ message, extensions: { code } }] }`. Headers and village names follow `lang`,
 * else Accept-Language.
 */
export function mountImpactExportCsv(
  app: Express,
  mount: ImpactExportMount,
  contextFor: (req: Request, res: Response, route: string) => Promise<RequestContext>,
): void {
  app.get(mount.route, async (req, res, next) => {
    try {
      const ctx = await contextFor(req, res, mount.route);
      const lang = req.query.lang;
      if (lang === "en" || lang === "zh-CN") ctx.locale = lang;
      const t = translatorFor(ctx.locale);
      if (ctx.principal.kind === "anonymous")
        return sendJsonError(res, 401, "UNAUTHENTICATED", t(mount.signInKey));
      if (!can(ctx, "impact:read"))
        return sendJsonError(res, 403, "FORBIDDEN", t(mount.forbiddenKey));
      const parsed = await exportQuery(req.query as Record<string, unknown>);
      if ("problem" in parsed)
        return sendJsonError(
          res,
          400,
          "BAD_REQUEST",
          t("impact.csvBadRequest", { problem: parsed.problem }),
        );
      const unsuppressed =
        mount.allowUnsuppressed &&
        req.query.unsuppressed === "true" &&
        can(ctx, "impact:read-unsuppressed");
      const table = await impactMetrics(ctx, parsed.query, unsuppressed);
      await streamCsv(
        res,
        "impact.csv",
        IMPACT_CSV_COLUMNS.map((column) => t(`impact.csv.${column}`)),
        table.cells.map(impactCsvRow),
      );
    } catch (error) {
      next(error);
    }
  });
}
