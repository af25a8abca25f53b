import { useQuery } from "@apollo/client/react";
import { dateTime, formatFen, shortDate } from "@nested/domain";
import { QueryState } from "@nested/web-kit";
import { useState } from "react";
import { Pager } from "../../components/pager.js";
import { TableHead } from "./table-head.js";
import { useT } from "../../i18n/index.js";
import { useViewer } from "../../lib/viewer.js";
import { auditChanges } from "./audit-changes.js";
import { HouseholdAuditQuery, HouseholdHistoryQuery, StaffNamesQuery } from "./queries.js";

const AUDIT_PAGE = 10;
const HISTORY_PAGE = 12;

/**
 * The order cycles a household took part in, newest first, twelve at a time (the API gives them
 * all): units declared, allocated and accepted, sales and the payout (¥, net of corrections;
 * "not settled" before a settlement).
 */
export function ParticipationHistory({ householdId }: { householdId: string }) {
  const { t, language } = useT();
  const [skip, setSkip] = useState(0);
  const { data, loading, error, refetch } = useQuery(HouseholdHistoryQuery, {
    variables: { householdId },
  });
  const cycles = data?.householdHistory ?? [];
  return (
    <section aria-labelledby="household-history">
      <h2 id="household-history">{t("households.page.history")}</h2>
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!data} />
      {data && cycles.length === 0 && <p className="muted">{t("households.page.empty")}</p>}
      {cycles.length > 0 && (
        <>
          <div className="table-wrap">
            <table>
              <TableHead
                columns={[
                  "households.page.cycle",
                  "households.page.deliveryOn",
                  "households.page.cycleState",
                  "households.page.declared#",
                  "households.page.allocated#",
                  "households.page.accepted#",
                  "households.page.sales#",
                  "households.page.payout#",
                ]}
              />
              <tbody>
                {cycles.slice(skip, skip + HISTORY_PAGE).map((c) => (
                  <tr key={c.orderCycleId}>
                    <td>{c.code}</td>
                    <td>{shortDate(c.deliveryOn, language)}</td>
                    <td>{t(`cycleState.${c.state}`)}</td>
                    <td className="num">{c.declaredUnits}</td>
                    <td className="num">{c.allocatedUnits}</td>
                    <td className="num">{c.acceptedUnits}</td>
                    <td className="num">{formatFen(c.salesFen)}</td>
                    <td className="num">
                      {c.payoutFen == null ? (
                        <span className="muted">{t("households.page.notSettled")}</span>
                      ) : (
                        formatFen(c.payoutFen)
                      )}
                      {c.corrections > 0 && (
                        <div className="muted small">
                          {t("households.page.corrections", { count: c.corrections })}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager skip={skip} take={HISTORY_PAGE} total={cycles.length} onSkip={setSkip} />
        </>
      )}
    </section>
  );
}

/**
 * The household's audit trail, newest first, ten at a time: when, what, who, and the fields each
 * change touched (before → after). Only for roles holding audit:read; others see a line saying so
 * and nothing is asked of the API.
 */
export function AuditHistory({ householdId }: { householdId: string }) {
  const { t } = useT();
  const { can } = useViewer();
  const allowed = can("audit:read");
  return (
    <section aria-labelledby="household-audit">
      <h2 id="household-audit">{t("households.page.audit")}</h2>
      {allowed ? (
        <AuditTable householdId={householdId} />
      ) : (
        <p className="muted">{t("households.page.auditNotShown")}</p>
      )}
    </section>
  );
}

/**
 * Names of the staff, finance and admin accounts by id, for a viewer holding user:manage (the
 * audit trail records ids only); empty for anyone else, who then sees the id.
 */
function useStaffNames(): Map<string, string> {
  const { can } = useViewer();
  const { data } = useQuery(StaffNamesQuery, { skip: !can("user:manage") });
  const accounts = data ? [...data.staff.items, ...data.finance.items, ...data.admins.items] : [];
  return new Map(accounts.map((a) => [a.id, a.displayName]));
}

function AuditTable({ householdId }: { householdId: string }) {
  const { t, language } = useT();
  const names = useStaffNames();
  const [skip, setSkip] = useState(0);
  const { data, previousData, loading, error, refetch } = useQuery(HouseholdAuditQuery, {
    variables: { entityId: householdId, page: { skip, take: AUDIT_PAGE } },
    fetchPolicy: "cache-and-network",
  });
  const shown = data ?? previousData;
  return (
    <>
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!shown} />
      {shown && shown.auditLog.totalItems === 0 && (
        <p className="muted">{t("households.page.empty")}</p>
      )}
      {shown && shown.auditLog.totalItems > 0 && (
        <>
          <div className="table-wrap">
            <table className="audit-table">
              <TableHead
                columns={[
                  "households.page.at",
                  "households.page.action",
                  "households.page.actor",
                  "households.page.changes",
                ]}
              />
              <tbody>
                {shown.auditLog.items.map((entry) => {
                  const changes = auditChanges(entry.before, entry.after);
                  return (
                    <tr key={entry.id}>
                      <td>{dateTime(entry.at, language)}</td>
                      <td>
                        {t(`households.page.actions.${entry.action}`, {
                          defaultValue: entry.action,
                        })}
                      </td>
                      <td>
                        {!entry.actorUserId ? (
                          t("households.page.system")
                        ) : names.has(entry.actorUserId) ? (
                          <span lang="zh-CN">{names.get(entry.actorUserId)}</span>
                        ) : (
                          <code title={entry.actorUserId}>{entry.actorUserId.slice(0, 8)}</code>
                        )}
                      </td>
                      <td>
                        {entry.action === "READ_SENSITIVE" ? (
                          t("households.page.viewed", {
                            fields: changes
                              .flatMap((c) => readFieldNames(c.after))
                              .map((f) =>
                                t(`households.page.sensitiveFields.${f}`, { defaultValue: f }),
                              )
                              .join(language === "en" ? ", " : "、"),
                          })
                        ) : changes.length === 0 ? (
                          <span className="muted">{t("households.page.none")}</span>
                        ) : (
                          <ul className="changes" lang="zh-CN">
                            {changes.map((c) => (
                              <li key={c.field}>
                                <code>{c.field}</code>: {c.before ?? "—"} → {c.after ?? "—"}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager skip={skip} take={AUDIT_PAGE} total={shown.auditLog.totalItems} onSkip={setSkip} />
        </>
      )}
    </>
  );
}

/** The field names a READ_SENSITIVE entry lists (`after.fields`, JSON text of an array). */
function readFieldNames(json: string | null): string[] {
  const value: unknown = json ? JSON.parse(json) : [];
  return Array.isArray(value) ? value.map(String) : [];
}
