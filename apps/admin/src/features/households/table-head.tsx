import { useT } from "../../i18n/index.js";

/**
 * A table's header row from string keys; a key ending in `#` is a numeric column (right-aligned),
 * e.g. `["households.page.year", "households.page.income#"]`.
 */
export function TableHead({ columns }: { columns: readonly string[] }) {
  const { t } = useT();
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const numeric = column.endsWith("#");
          const key = numeric ? column.slice(0, -1) : column;
          return (
            <th key={key} scope="col" className={numeric ? "num" : undefined}>
              {t(key)}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
