import { useT } from "../i18n/index.js";
import { pick } from "../lib/format.js";

/** A pickup point's name, address and hours (address and hours are Chinese in the data). */
export function PickupDetails({
  point,
}: {
  point: { nameZh: string; nameEn: string; city: string; address: string; pickupHours: string };
}) {
  const { t, language } = useT();
  return (
    <dl className="facts">
      <dt>{t("pickup.place")}</dt>
      <dd>{pick(language, point.nameZh, point.nameEn)}</dd>
      <dt>{t("pickup.address")}</dt>
      <dd lang="zh-CN">
        {point.city} {point.address}
      </dd>
      <dt>{t("pickup.hours")}</dt>
      <dd lang="zh-CN">{point.pickupHours}</dd>
    </dl>
  );
}
