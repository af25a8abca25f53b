import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { type AdminErrorResult, ErrorResultMessage } from "../../components/error-result.js";
import type { TrustEventFieldsFragment } from "../../gql/graphql.js";
import { RowsTable } from "../../components/paged-table.js";
import { useT } from "../../i18n/index.js";
import { SavedNotice } from "../../lib/form-fields.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { RecordAttendanceMutation } from "./queries.js";

/**
 * The consumer sign-ups of an event with a "came" tick each (cancelled sign-ups are shown, not
 * ticked); saving records attendance for every live sign-up at once.
 */
export function EventAttendance({ event }: { event: TrustEventFieldsFragment }) {
  const { t } = useT();
  const live = event.signUps.filter((s) => s.state !== "CANCELLED");
  const [came, setCame] = useState<Set<string>>(
    () => new Set(live.filter((s) => s.state === "ATTENDED").map((s) => s.id)),
  );
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [saved, setSaved] = useState(false);
  const [record, { loading }] = useMutation(RecordAttendanceMutation);

  async function save() {
    setRefusal(null);
    const entries = live.map((s) => ({ signUpId: s.id, attended: came.has(s.id) }));
    const answer = await settle(record({ variables: { id: event.id, entries } }));
    const refused = refusalOf(answer?.recordAttendance, t);
    setRefusal(refused);
    setSaved(!refused);
  }

  return (
    <section className="stack" aria-labelledby="event-attendance">
      <h2 id="event-attendance">{t("trust.attendance.title")}</h2>
      <RowsTable
        items={event.signUps}
        empty={t("trust.attendance.none")}
        head={
          <>
            <th>{t("trust.attendance.household")}</th>
            <th className="num">{t("trust.attendance.people")}</th>
            <th>{t("trust.attendance.state")}</th>
            <th id="attended-head">{t("trust.attendance.attended")}</th>
          </>
        }
        row={(s) => (
          <tr key={s.id}>
            <td id={`signup-${s.id}`} lang="zh-CN">
              {s.consumerHouseholdName}
            </td>
            <td className="num">{s.people}</td>
            <td>{t(`trust.attendance.states.${s.state}`)}</td>
            <td>
              {s.state !== "CANCELLED" && (
                <input
                  type="checkbox"
                  className="big-check"
                  aria-labelledby={`attended-head signup-${s.id}`}
                  checked={came.has(s.id)}
                  onChange={(e) => {
                    setSaved(false);
                    setCame((previous) => {
                      const next = new Set(previous);
                      if (e.target.checked) next.add(s.id);
                      else next.delete(s.id);
                      return next;
                    });
                  }}
                />
              )}
            </td>
          </tr>
        )}
      />
      {refusal && <ErrorResultMessage error={refusal} />}
      <SavedNotice show={saved}>{t("trust.attendance.saved")}</SavedNotice>
      {live.length > 0 && (
        <div className="row">
          <button type="button" className="primary" disabled={loading} onClick={save}>
            {t("trust.attendance.save")}
          </button>
        </div>
      )}
    </section>
  );
}
