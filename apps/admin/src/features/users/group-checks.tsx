import { pick } from "@nested/domain";
import { useT } from "../../i18n/index.js";
import { langOf } from "../../lib/lang-of.js";

/** A producer group as the users' forms name it. */
export interface GroupChoice {
  id: string;
  nameZh: string;
  nameEn: string;
}

/** Ticks for choosing producer groups; `chosen` is the set of ticked ids. */
export function GroupChecks({
  legend,
  groups,
  chosen,
  onChange,
}: {
  legend: string;
  groups: readonly GroupChoice[];
  chosen: readonly string[];
  onChange(ids: string[]): void;
}) {
  const { language } = useT();
  return (
    <fieldset className="check-grid">
      <legend>{legend}</legend>
      {groups.map((g) => (
        <label key={g.id} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(g.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...chosen, g.id] : chosen.filter((id) => id !== g.id))
            }
          />
          <span lang={langOf(pick(language, g.nameZh, g.nameEn))}>
            {pick(language, g.nameZh, g.nameEn)}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** The names of the groups with these ids, joined; "every group" for an admin. */
export function groupNames(
  ids: readonly string[],
  groups: readonly GroupChoice[],
  language: "zh-CN" | "en",
): string {
  return groups
    .filter((g) => ids.includes(g.id))
    .map((g) => pick(language, g.nameZh, g.nameEn))
    .join(language === "en" ? ", " : "、");
}
