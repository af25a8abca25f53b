import { formatChinaPhone } from "@nested/domain";
import type { Express, Request, Response } from "express";
import { isUuid } from "../../graphql/ids";
import { can, type RequestContext } from "../../graphql/request-context";
import { translatorFor } from "../../i18n/translate";
import { type CsvCell, sendCsv, sendJsonError } from "../../server/csv";
import { type PackingList, packingList } from "./packing-list.service";

/** Where the packing list CSV is served (same authentication as /admin/graphql). */
export const PACKING_LIST_CSV_ROUTE = "/admin/packing-list.csv";

/** The CSV columns, in order; headers come from `intake.csv.*` in the caller's language. */
export const PACKING_LIST_COLUMNS = [
  "pickupPoint",
  "address",
  "order",
  "consumer",
  "phone",
  "product",
  "variant",
  "units",
] as const;

/**
 * One row per order line of {@link packingList}: pickup point name, address, order short code,
 * consumer household, phone (as dialled in China: "138 0013 8000"), product, variant (names in
 * `locale`) and units (a number).
 */
export function packingListRows(list: PackingList, locale: "zh-CN" | "en"): CsvCell[][] {
  const en = locale === "en";
  return list.pickupPoints.flatMap((point) =>
    point.orders.flatMap((order) =>
      order.lines.map((line) => [
        en ? point.nameEn : point.nameZh,
        point.address,
        order.shortCode,
        order.consumerName,
        order.phone && dialable(order.phone),
        en ? line.productNameEn : line.productNameZh,
        en ? line.variantNameEn : line.variantNameZh,
        line.units,
      ]),
    ),
  );
}

/** A stored phone (E.164) as dialled in China, or as stored if it is not a Chinese number. */
function dialable(phone: string): string {
  try {
    return formatChinaPhone(phone);
  } catch {
    return phone;
  }
}

function queryText(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

/**
 * GET {@link PACKING_LIST_CSV_ROUTE}`?orderCycleId=…&pickupPointId=…&lang=zh-CN|en`: the packing
 * list as CSV (UTF-8 with BOM, formula cells neutralised). The caller signs in as for
 * /admin/graphql (session cookie or bearer token) and needs `intake:record`: 401 when not signed
 * in, 403 without the permission, 400 without `orderCycleId` or with a malformed `pickupPointId`,
 * 404 for an unknown cycle or one outside the caller's groups, or a pickup point not of its group — each a JSON `{ errors: [{ message, extensions: { code } }] }`.
 * Headers and names follow `lang`, else Accept-Language.
 */
export function mountPackingListCsv(
  app: Express,
  contextFor: (req: Request, res: Response, route: string) => Promise<RequestContext>,
): void {
  app.get(PACKING_LIST_CSV_ROUTE, async (req, res, next) => {
    try {
      const ctx = await contextFor(req, res, PACKING_LIST_CSV_ROUTE);
      const lang = queryText(req.query.lang);
      if (lang === "en" || lang === "zh-CN") ctx.locale = lang;
      const t = translatorFor(ctx.locale);
      if (ctx.principal.kind === "anonymous")
        return sendJsonError(res, 401, "UNAUTHENTICATED", t("intake.csvSignIn"));
      if (!can(ctx, "intake:record"))
        return sendJsonError(res, 403, "FORBIDDEN", t("intake.csvForbidden"));
      const cycleId = queryText(req.query.orderCycleId);
      if (!cycleId) return sendJsonError(res, 400, "BAD_REQUEST", t("intake.csvBadRequest"));
      const pointId = queryText(req.query.pickupPointId);
      if (pointId !== null && !isUuid(pointId))
        return sendJsonError(res, 400, "BAD_REQUEST", t("intake.csvBadPickupPoint"));
      const list = await packingList(ctx, cycleId, pointId);
      if (list === "cycle-not-found")
        return sendJsonError(res, 404, "NOT_FOUND", t("intake.cycleNotFound"));
      if (list === "pickup-point-not-found")
        return sendJsonError(res, 404, "NOT_FOUND", t("intake.pickupPointNotFound"));
      sendCsv(
        res,
        `packing-list-${list.orderCycleCode}.csv`,
        PACKING_LIST_COLUMNS.map((column) => t(`intake.csv.${column}`)),
        packingListRows(list, ctx.locale),
      );
    } catch (error) {
      next(error);
    }
  });
}
