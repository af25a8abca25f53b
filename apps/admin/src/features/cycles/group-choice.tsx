import { useQuery } from "@apollo/client/react";
import { pick } from "@nested/domain";
import { useEffect } from "react";
import { useT } from "../../i18n/index.js";
import { ProducerGroupChoicesQuery } from "../../lib/documents/producer-groups.js";

/**
 * A choice of the caller's producer groups (`producerGroups`); picks the first one when nothing
 * is chosen yet, so a staff member of one group never has to choose.
 */
export function GroupChoice({
  value,
  onChange,
}: {
  value: string;
  onChange(groupId: string): void;
}) {
  const { t, language } = useT();
  const { data } = useQuery(ProducerGroupChoicesQuery);
  const groups = data?.producerGroups ?? [];
  const first = groups[0]?.id;
  useEffect(() => {
    if (!value && first) onChange(first);
  }, [value, first, onChange]);
  return (
    <label>
      {t("cycles.group")}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {groups.map((g) => (
          <option key={g.id} value={g.id} lang={language === "en" ? undefined : "zh-CN"}>
            {pick(language, g.nameZh, g.nameEn)}
          </option>
        ))}
      </select>
    </label>
  );
}
