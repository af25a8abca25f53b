import { useT } from "../../i18n/index.js";
import type { ImpactFilterChoice } from "./chart-data.js";

/** A name in Chinese characters (from the data) is marked as Chinese whatever the page language. */
const HAN = /\p{Script=Han}/u;

/**
 * The filters of the impact page: the producer group's village and the year range, and for a
 * holder of impact:read-unsuppressed (ADMIN) only, the unsuppressed switch. Every change applies
 * at once.
 */
export function ImpactFilters({
  choice,
  years,
  villages,
  unsuppressed,
  onChange,
}: {
  choice: ImpactFilterChoice;
  years: readonly number[];
  villages: readonly { id: string; name: string }[];
  /** The switch's state, or undefined when the viewer may not see unsuppressed figures. */
  unsuppressed?: boolean;
  onChange(next: { choice?: ImpactFilterChoice; unsuppressed?: boolean }): void;
}) {
  const { t } = useT();
  const yearSelect = (name: "fromYear" | "toYear") => (
    <label>
      {t(`impact.${name}`)}
      <select
        name={name}
        value={choice[name]}
        onChange={(e) => onChange({ choice: { ...choice, [name]: Number(e.target.value) } })}
      >
        {years.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="row impact-filters no-print">
      <legend>{t("impact.filters")}</legend>
      <label>
        {t("impact.village")}
        <select
          name="village"
          value={choice.villageId ?? ""}
          onChange={(e) => onChange({ choice: { ...choice, villageId: e.target.value || null } })}
        >
          <option value="">{t("impact.allVillages")}</option>
          {villages.map((village) => (
            <option
              key={village.id}
              value={village.id}
              lang={HAN.test(village.name) ? "zh-CN" : undefined}
            >
              {village.name}
            </option>
          ))}
        </select>
      </label>
      {yearSelect("fromYear")}
      {yearSelect("toYear")}
      {unsuppressed !== undefined && (
        <label className="inline">
          <input
            type="checkbox"
            name="unsuppressed"
            checked={unsuppressed}
            onChange={(e) => onChange({ unsuppressed: e.target.checked })}
          />
          {t("impact.unsuppressed")}
        </label>
      )}
    </fieldset>
  );
}
