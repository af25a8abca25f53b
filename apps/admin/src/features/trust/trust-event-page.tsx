import { useMutation, useQuery } from "@apollo/client/react";
import { dateTime, pick } from "@nested/domain";
import { QueryState } from "@nested/web-kit";
import { useState } from "react";
import { Link, useParams } from "react-router";
import {
  type AdminErrorResult,
  ErrorResultMessage,
  errorResultOf,
} from "../../components/error-result.js";
import type { TrustEventFieldsFragment } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { SavedNotice } from "../../lib/form-fields.js";
import { langOf } from "../../lib/lang-of.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { isoToShanghaiInput } from "../../lib/shanghai-time.js";
import { EventAttendance } from "./event-attendance.js";
import { EventHouseholds } from "./event-households.js";
import { CancelTrustEventMutation, TrustEventQuery, UpdateTrustEventMutation } from "./queries.js";
import { TrustEventForm } from "./trust-event-form.js";

/** One trust event: its details to change, cancelling, the households and the attendance. */
export function TrustEventPage() {
  const { t, language } = useT();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(TrustEventQuery, { variables: { id } });
  const answer = data?.trustEvent;
  const missing = errorResultOf(answer);
  const event = answer?.__typename === "TrustEvent" ? answer : null;
  return (
    <section className="stack">
      <p>
        <Link to="..">{t("trust.back")}</Link>
      </p>
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!data} />
      {missing && <ErrorResultMessage error={missing} />}
      {event && (
        <>
          <h1 lang={langOf(pick(language, event.titleZh, event.titleEn))}>
            {pick(language, event.titleZh, event.titleEn)}
          </h1>
          <p>
            {t(`trust.kind.${event.kind}`)} · {dateTime(event.startsAt, language)} –{" "}
            {dateTime(event.endsAt, language)} ·{" "}
            <span lang={langOf(pick(language, event.village.nameZh, event.village.nameEn))}>
              {pick(language, event.village.nameZh, event.village.nameEn)}
            </span>
          </p>
          {event.cancelledAt ? (
            <p className="notice" role="status">
              {t("trust.cancelled")} · {dateTime(event.cancelledAt, language)}
            </p>
          ) : (
            <EventDetails key={event.id} event={event} />
          )}
          <EventHouseholds event={event} />
          <EventAttendance event={event} />
        </>
      )}
    </section>
  );
}

/** The edit form and the cancel button of a trust event that is not cancelled. */
function EventDetails({ event }: { event: TrustEventFieldsFragment }) {
  const { t } = useT();
  const [saved, setSaved] = useState(false);
  const [cancelRefusal, setCancelRefusal] = useState<AdminErrorResult | null>(null);
  const [update] = useMutation(UpdateTrustEventMutation, {
    update: (cache) => evictRootFields(cache, ["trustEvents"]),
  });
  const [cancel, cancelling] = useMutation(CancelTrustEventMutation, {
    update: (cache) => evictRootFields(cache, ["trustEvents"]),
  });
  return (
    <>
      <h2>{t("trust.form.editTitle")}</h2>
      <TrustEventForm
        initial={{
          producerGroupId: event.producerGroupId,
          kind: event.kind,
          titleZh: event.titleZh,
          titleEn: event.titleEn === event.titleZh ? "" : event.titleEn,
          startsAt: isoToShanghaiInput(event.startsAt),
          endsAt: isoToShanghaiInput(event.endsAt),
          capacity: event.capacity == null ? "" : String(event.capacity),
          openToConsumers: event.openToConsumers,
          notes: event.notes ?? "",
        }}
        submitLabel={t("trust.form.save")}
        save={async (fields) => {
          setSaved(false);
          const data = await settle(update({ variables: { id: event.id, input: fields } }));
          const refused = refusalOf(data?.updateTrustEvent, t);
          setSaved(!refused);
          return refused;
        }}
      />
      <SavedNotice show={saved}>{t("state.saved")}</SavedNotice>
      <div className="row">
        <button
          type="button"
          className="danger"
          disabled={cancelling.loading}
          onClick={async () => {
            if (!window.confirm(t("trust.cancel.confirm"))) return;
            const data = await settle(cancel({ variables: { id: event.id } }));
            setCancelRefusal(refusalOf(data?.cancelTrustEvent, t));
          }}
        >
          {t("trust.cancel.button")}
        </button>
      </div>
      {cancelRefusal && <ErrorResultMessage error={cancelRefusal} />}
    </>
  );
}
