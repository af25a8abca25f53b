import type { ProductCategory, SaleUnit } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { ChoiceField } from "../../lib/form-fields.js";

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
  group,
  onChange,
  ...field
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
  return <ChoiceField<T> {...field} onChange={onChange} text={(v) => t(`catalog.${group}.${v}`)} />;
}
