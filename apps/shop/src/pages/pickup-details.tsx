import { useT } from "../i18n/index.js";
import { pick, pickupHours } from "../lib/format.js";

/** A pickup point's name, address and hours (address and hours are Chinese in the data). */
export function PickupDetails({
  point,
}: {
  point: { nameZh: string; nameEn: string; city: string; address: string; pickupHours: string };
}) {
  const { t, language } = useT();
  const hours = pickupHours(point.pickupHours, language);
  return (
    <dl className="facts">
      <dt>{t("pickup.place")}</dt>
      <dd>{pick(language, point.nameZh, point.nameEn)}</dd>
      <dt>{t("pickup.address")}</dt>
      <dd lang="zh-CN">
        {point.city} {point.address}
      </dd>
      <dt>{t("pickup.hours")}</dt>
      <dd lang={/\p{Script=Han}/u.test(hours) ? "zh-CN" : "en"}>{hours}</dd>
    </dl>
  );
}
