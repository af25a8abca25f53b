import { pick } from "@nested/domain";
import { type FormEvent, useEffect, useState } from "react";
import { useT } from "../../i18n/index.js";
import {
  type HouseholdListState,
  type ListUpdate,
  MEMBERSHIP_FILTERS,
  withFilters,
} from "./list-url-state.js";

/** A producer group as the filters need it (with its village). */
export interface GroupChoice {
  id: string;
  nameZh: string;
  nameEn: string;
  village: { id: string; nameZh: string; nameEn: string };
}

/**
 * Search (submitted with Enter or the button, so typing does not reload the list on every key)
 * and the filters by village, producer group, registered-poor and membership state; each change
 * goes to `onChange` as a new view (page 1).
 */
export function HouseholdFilters({
  state,
  groups,
  onChange,
}: {
  state: HouseholdListState;
  groups: readonly GroupChoice[];
  onChange(update: ListUpdate): void;
}) {
  const { t, language } = useT();
  const [search, setSearch] = useState(state.search ?? "");
  useEffect(() => setSearch(state.search ?? ""), [state.search]);
  const villages = [...new Map(groups.map((g) => [g.village.id, g.village])).values()];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange((latest) => withFilters(latest, { search: search.trim() || null }));
  };
  return (
    <form className="row household-filters" role="search" onSubmit={submit}>
      <label>
        {t("households.list.search")}
        <input
          type="search"
          name="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </label>
      <button type="submit">{t("households.list.searchButton")}</button>
      <label>
        {t("households.list.village")}
        <select
          name="village"
          value={state.villageId ?? ""}
          onChange={(e) =>
            onChange((latest) => withFilters(latest, { villageId: e.target.value || null }))
          }
        >
          <option value="">{t("households.list.any")}</option>
          {villages.map((v) => (
            <option key={v.id} value={v.id} lang={language === "en" ? "en" : "zh-CN"}>
              {pick(language, v.nameZh, v.nameEn)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("households.list.group")}
        <select
          name="group"
          value={state.producerGroupId ?? ""}
          onChange={(e) =>
            onChange((latest) => withFilters(latest, { producerGroupId: e.target.value || null }))
          }
        >
          <option value="">{t("households.list.any")}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {pick(language, g.nameZh, g.nameEn)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("households.list.poor")}
        <select
          name="poor"
          value={state.registeredPoor == null ? "" : state.registeredPoor ? "yes" : "no"}
          onChange={(e) =>
            onChange((latest) =>
              withFilters(latest, {
                registeredPoor: e.target.value === "" ? null : e.target.value === "yes",
              }),
            )
          }
        >
          <option value="">{t("households.list.any")}</option>
          <option value="yes">{t("households.list.yes")}</option>
          <option value="no">{t("households.list.no")}</option>
        </select>
      </label>
      <label>
        {t("households.list.state")}
        <select
          name="state"
          value={state.membershipState ?? ""}
          onChange={(e) =>
            onChange((latest) =>
              withFilters(latest, {
                membershipState: MEMBERSHIP_FILTERS.find((s) => s === e.target.value) ?? null,
              }),
            )
          }
        >
          <option value="">{t("households.list.any")}</option>
          {MEMBERSHIP_FILTERS.map((s) => (
            <option key={s} value={s}>
              {s === "NONE" ? t("households.list.none") : t(`households.membership.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
