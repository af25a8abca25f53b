import { useQuery } from "@apollo/client/react";
import { pick } from "@nested/domain";
import { QueryStatus } from "../../components/query-status.js";
import { useT } from "../../i18n/index.js";
import { SettlementCyclesQuery } from "./documents.js";

/** A cycle as the settlements pages list it. */
export interface CycleChoice {
  id: string;
  code: string;
  state: string;
  producerGroupId: string;
  deliveryOn: string;
  nextStates: string[];
}

/**
 * The caller's cycles (newest first, 50 at most) and producer groups, with a group's name in the
 * page's language. Shared by the picker, the cycle header and the correction form.
 */
export function useSettlementCycles() {
  const { language } = useT();
  const query = useQuery(SettlementCyclesQuery);
  const groups = query.data?.producerGroups ?? [];
  const groupName = (id: string) => {
    const group = groups.find((g) => g.id === id);
    return group ? pick(language, group.nameZh, group.nameEn) : "";
  };
  const cycles: CycleChoice[] = query.data?.orderCycles.items ?? [];
  return { query, cycles, groups, groupName };
}

/** A labelled select of the caller's cycles; choosing one calls `onChoose(id)`. */
export function CyclePicker({
  value,
  onChoose,
}: {
  value: string | null;
  onChoose(id: string): void;
}) {
  const { t } = useT();
  const { query, cycles, groupName } = useSettlementCycles();
  const state = <QueryStatus query={query} hasData={Boolean(query.data)} />;
  if (!query.data) return state;
  if (cycles.length === 0) return <p className="muted">{t("settlements.noCycles")}</p>;
  return (
    <label className="narrow">
      {t("settlements.cycle")}
      <select name="cycle" value={value ?? ""} onChange={(e) => onChoose(e.target.value)}>
        <option value="" disabled>
          {t("settlements.chooseCycle")}
        </option>
        {cycles.map((c) => (
          <option key={c.id} value={c.id}>
            {t("settlements.cycleOption", {
              group: groupName(c.producerGroupId),
              code: c.code,
              state: t(`cycleState.${c.state}`),
            })}
          </option>
        ))}
      </select>
    </label>
  );
}
