import { useQuery } from "@apollo/client/react";
import { QueryState } from "@nested/web-kit";
import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { ErrorResultMessage, errorResultOf } from "../../components/error-result.js";
import { useT } from "../../i18n/index.js";
import { useViewer } from "../../lib/viewer.js";
import { HouseholdEditForm } from "./household-edit-form.js";
import { AuditHistory, ParticipationHistory } from "./household-history.js";
import { HouseholdBasics, HouseholdConsents, HouseholdResources } from "./household-sections.js";
import { HouseholdYearForm } from "./household-year-form.js";
import { HouseholdQuery } from "./queries.js";
import { HouseholdYears, SensitiveFacts } from "./sensitive-sections.js";

/**
 * One household (`/households/:id`): basics, livelihood resources, sensitive data (or "not shown
 * to your role"), income by year against the poverty line, consents, participation per cycle and
 * the audit trail; editing for household:write, a year's figures for household:write-sensitive.
 * An unknown or out-of-scope id shows the API's NotFoundError in words.
 */
export function HouseholdPage() {
  const { id = "" } = useParams();
  const { t } = useT();
  const { can } = useViewer();
  const location = useLocation();
  const [editing, setEditing] = useState(false);
  const { data, loading, error, refetch } = useQuery(HouseholdQuery, { variables: { id } });
  // The register's view (filters, sort, page) comes back with the link when we came from it.
  const backTo = (location.state as { from?: string } | null)?.from ?? "..";
  const back = (
    <p className="no-print">
      <Link to={backTo} relative="path">
        ← {t("households.page.back")}
      </Link>
    </p>
  );
  const state = (
    <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!data} />
  );
  if (!data)
    return (
      <section>
        {back}
        {state}
      </section>
    );
  const refused = errorResultOf(data.household);
  if (refused || data.household.__typename !== "Household") {
    return (
      <section className="stack">
        {back}
        <h1>{t("households.title")}</h1>
        {refused && <ErrorResultMessage error={refused} />}
      </section>
    );
  }
  const h = data.household;
  return (
    <article className="stack household-page">
      {back}
      <h1>
        {h.code} · <span lang="zh-CN">{h.headName}</span>
      </h1>
      {can("household:write") && !editing && (
        <p>
          <button type="button" onClick={() => setEditing(true)}>
            {t("households.edit.open")}
          </button>
        </p>
      )}
      {editing && <HouseholdEditForm household={h} onDone={() => setEditing(false)} />}
      <div className="household-columns">
        <HouseholdBasics household={h} />
        <HouseholdResources household={h} />
      </div>
      <SensitiveFacts household={h} />
      <HouseholdYears household={h} />
      {can("household:write-sensitive") && (
        <HouseholdYearForm householdId={h.id} years={h.years ?? []} />
      )}
      <HouseholdConsents household={h} />
      <ParticipationHistory householdId={h.id} />
      <AuditHistory householdId={h.id} />
    </article>
  );
}
