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

/**
 * GET {@link IMPACT_EXPORT_ROUTE}`?…&lang=zh-CN|en`: the cells of the `impactMetrics` query given
 * by the parameters ({@link exportQuery}), suppressed as on /partner/graphql, streamed as CSV
 * (UTF-8 with BOM, formula cells neutralised, numbers as numbers). Authenticated like
 * /partner/graphql (bearer API key): 401 without a valid (unrevoked) key, 403 without
 * impact:read, 400 for a bad query — each a JSON `{ errors: [{ message, extensions: { code } }] }`.
 * Headers and village names follow `lang`, else Accept-Language.
 */
export function mountImpactExportCsv(
  app: Express,
  contextFor: (req: Request, res: Response, route: string) => Promise<RequestContext>,
): void {
  app.get(IMPACT_EXPORT_ROUTE, async (req, res, next) => {
    try {
      const ctx = await contextFor(req, res, IMPACT_EXPORT_ROUTE);
      const lang = req.query.lang;
      if (lang === "en" || lang === "zh-CN") ctx.locale = lang;
      const t = translatorFor(ctx.locale);
      if (ctx.principal.kind === "anonymous")
        return sendJsonError(res, 401, "UNAUTHENTICATED", t("impact.csvSignIn"));
      if (!can(ctx, "impact:read"))
        return sendJsonError(res, 403, "FORBIDDEN", t("impact.csvForbidden"));
      const parsed = await exportQuery(req.query as Record<string, unknown>);
      if ("problem" in parsed)
        return sendJsonError(
          res,
          400,
          "BAD_REQUEST",
          t("impact.csvBadRequest", { problem: parsed.problem }),
        );
      const table = await impactMetrics(ctx, parsed.query);
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
