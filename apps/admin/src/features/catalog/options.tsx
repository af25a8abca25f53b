import type { ProductCategory, SaleUnit } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";

/** Product categories in the order the shop lists them. */
export const CATEGORIES: readonly ProductCategory[] = [
  "EGGS",
  "POULTRY",
  "PORK",
  "GRAIN",
  "TUBERS",
  "NUTS",
  "HONEY",
  "VEGETABLES",
  "OTHER",
];

/** The units a variant can be counted and priced in. */
export const UNITS: readonly SaleUnit[] = [
  "JIN",
  "PIECE",
  "BAG",
  "BOX",
  "BOTTLE",
  "JAR",
  "BIRD",
  "DOZEN",
];

/**
 * A labelled choice among `values`, each shown as `catalog.<group>.<value>`; `anyLabel` adds an
 * empty choice first (a filter's "all").
 */
export function EnumSelect<T extends string>({
  label,
  name,
  group,
  values,
  value,
  onChange,
  anyLabel,
}: {
  label: string;
  name: string;
  group: "category" | "unit";
  values: readonly T[];
  value: T | "";
  onChange(value: T | ""): void;
  anyLabel?: string;
}) {
  const { t } = useT();
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value as T | "")}>
        {anyLabel && <option value="">{anyLabel}</option>}
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`catalog.${group}.${v}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
