import { formatFen, shortDate } from "@nested/domain";
import { useT } from "../../i18n/index.js";

/**
 * A township market price: "¥6.00（坡仓乡集市，2026年6月1日）" or "¥6.00 (坡仓乡集市, Jun 1, 2026)"; the
 * market's name is marked Chinese. A dash when none was observed.
 */
export function ReferencePriceText({
  reference,
}: {
  reference?: { price: number; market: string; observedOn: string } | null;
}) {
  const { t, language } = useT();
  if (!reference) return <span className="muted">{t("catalog.none")}</span>;
  const [open, comma, close] = language === "en" ? [" (", ", ", ")"] : ["（", "，", "）"];
  return (
    <span>
      {formatFen(reference.price)}
      {open}
      <span lang="zh-CN">{reference.market}</span>
      {comma}
      {shortDate(reference.observedOn, language)}
      {close}
    </span>
  );
}
