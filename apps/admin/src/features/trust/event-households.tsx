import { useMutation, useQuery } from "@apollo/client/react";
import { QueryState } from "@nested/web-kit";
import { useState } from "react";
import { type AdminErrorResult, ErrorResultMessage } from "../../components/error-result.js";
import type { TrustEventFieldsFragment } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { SavedNotice, TextField } from "../../lib/form-fields.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { GroupHouseholdsQuery, SetTrustEventHouseholdsMutation } from "./queries.js";

/**
 * The households of the event's producer group to tick as taking part (a search by code or name
 * narrows the list; ticks outside it are kept); saving replaces the whole set. A refusal is shown in words and the ticks stay as they were chosen.
 */
export function EventHouseholds({ event }: { event: TrustEventFieldsFragment }) {
  const { t } = useT();
  const [search, setSearch] = useState("");
  const { data, loading, error, refetch } = useQuery(GroupHouseholdsQuery, {
    variables: { producerGroupId: event.producerGroupId, search: search.trim() || null },
  });
  const [chosen, setChosen] = useState<Set<string>>(
    () => new Set(event.households.map((h) => h.id)),
  );
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [saved, setSaved] = useState(false);
  const [setHouseholds, { loading: saving }] = useMutation(SetTrustEventHouseholdsMutation);
  const households = data?.households.items;

  function toggle(id: string, on: boolean) {
    setSaved(false);
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function save() {
    setRefusal(null);
    const answer = await settle(
      setHouseholds({ variables: { id: event.id, householdIds: [...chosen] } }),
    );
    const refused = refusalOf(answer?.setTrustEventHouseholds, t);
    setRefusal(refused);
    setSaved(!refused);
  }

  return (
    <section className="stack" aria-labelledby="event-households">
      <h2 id="event-households">{t("trust.households.title")}</h2>
      <TextField
        label={t("trust.households.search")}
        name="householdSearch"
        type="search"
        value={search}
        onChange={setSearch}
      />
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!data} />
      {data && data.households.totalItems > data.households.items.length && (
        <p className="muted">
          {t("trust.households.more", {
            shown: data.households.items.length,
            total: data.households.totalItems,
          })}
        </p>
      )}
      {households && households.length === 0 && (
        <p className="muted">{t("trust.households.none")}</p>
      )}
      {households && households.length > 0 && (
        <fieldset className="check-grid">
          <legend>{t("trust.households.count", { count: chosen.size })}</legend>
          {households.map((h) => (
            <label key={h.id} className="check">
              <input
                type="checkbox"
                checked={chosen.has(h.id)}
                onChange={(e) => toggle(h.id, e.target.checked)}
              />
              {h.code} <span lang="zh-CN">{h.headName}</span>
            </label>
          ))}
        </fieldset>
      )}
      {refusal && <ErrorResultMessage error={refusal} />}
      <SavedNotice show={saved}>{t("trust.households.saved")}</SavedNotice>
      <div className="row">
        <button type="button" className="primary" disabled={saving} onClick={save}>
          {t("trust.households.save")}
        </button>
      </div>
    </section>
  );
}
