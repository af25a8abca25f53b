import { useMutation, useQuery } from "@apollo/client/react";
import { formatFen } from "@nested/domain";
import { useState } from "react";
import { Link } from "react-router";
import { Pager } from "../../components/pager.js";
import { QueryStatus } from "../../components/query-status.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { useViewer } from "../../lib/viewer.js";
import { ApproveSettlementMutation, SettlementsQuery } from "./documents.js";
import { OutcomeMessage, useOutcome } from "./outcome.js";

const TAKE = 50;
/** Fee kinds in the order the columns (and a settlement's page) show them. */
export const FEE_KINDS = ["TRANSPORT", "PACKAGING", "GROUP_FUND"] as const;

/**
 * A cycle's settlements by household code: gross, each fee (a column per fee kind present),
 * fees in all, adjustments, net (all ¥ with two decimals), state, and the approval a settlement
 * waiting for it can get right here; paying and the rest are on the settlement's own page.
 */
export function SettlementTable({
  orderCycleId,
  cycleCode,
}: {
  orderCycleId: string;
  cycleCode: string;
}) {
  const { t } = useT();
  const { can } = useViewer();
  const [skip, setSkip] = useState(0);
  const query = useQuery(SettlementsQuery, {
    variables: { orderCycleId, page: { skip, take: TAKE } },
  });
  const { outcome, attempt } = useOutcome();
  const [approve, approving] = useMutation(ApproveSettlementMutation, {
    update: (cache) => evictRootFields(cache, ["reconciliation", "settlement"]),
  });
  const list = query.data?.settlements;
  if (!list) return <QueryStatus query={query} />;
  if (list.totalItems === 0) return <p className="muted">{t("settlements.noSettlements")}</p>;
  const kinds = FEE_KINDS.filter((k) =>
    list.items.some((s) => s.deductions.some((d) => d.kind === k)),
  );
  const fee = (deductions: { kind: string; amountFen: number }[], kind: string) =>
    deductions.filter((d) => d.kind === kind).reduce((sum, d) => sum + d.amountFen, 0);
  return (
    <div className="stack">
      <OutcomeMessage outcome={outcome} />
      <div className="table-wrap">
        <table className="settlements">
          <caption>{t("settlements.table.caption", { code: cycleCode })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("settlements.table.household")}</th>
              <th scope="col" className="num">
                {t("settlements.table.gross")}
              </th>
              {kinds.map((k) => (
                <th key={k} scope="col" className="num">
                  {t(`settlements.kind.${k}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t("settlements.table.deductions")}
              </th>
              <th scope="col" className="num">
                {t("settlements.table.adjustments")}
              </th>
              <th scope="col" className="num">
                {t("settlements.table.net")}
              </th>
              <th scope="col">{t("settlements.table.state")}</th>
              <th scope="col" className="no-print">
                {t("settlements.table.actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((s) => (
              <tr key={s.id} data-household={s.householdCode}>
                <th scope="row">
                  <Link
                    to={`/settlements/${s.id}`}
                    aria-label={t("settlements.table.open", { code: s.householdCode })}
                  >
                    {s.householdCode}
                  </Link>
                  {s.correctsSettlementId && (
                    <span className="muted small"> · {t("settlements.table.correction")}</span>
                  )}
                </th>
                <td className="num" data-col="gross">
                  {formatFen(s.grossFen)}
                </td>
                {kinds.map((k) => (
                  <td key={k} className="num" data-col={k}>
                    {formatFen(fee(s.deductions, k))}
                  </td>
                ))}
                <td className="num" data-col="deductions">
                  {formatFen(s.deductionsFen)}
                </td>
                <td className="num" data-col="adjustments">
                  {formatFen(s.adjustmentsFen)}
                </td>
                <td className="num" data-col="net">
                  <strong>{formatFen(s.netFen)}</strong>
                </td>
                <td data-col="state">{t(`settlements.settlementState.${s.state}`)}</td>
                <td className="no-print">
                  {can("settlement:approve") &&
                    (s.state === "CALCULATED" || s.state === "ADJUSTED") && (
                      <button
                        type="button"
                        disabled={approving.loading}
                        aria-label={`${t("settlements.approve")} ${s.householdCode}`}
                        onClick={() =>
                          void attempt(
                            async () =>
                              (await approve({ variables: { id: s.id } })).data?.approveSettlement,
                            `${s.householdCode}: ${t("settlements.approved")}`,
                          )
                        }
                      >
                        {t("settlements.approve")}
                      </button>
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.totalItems > TAKE && (
        <Pager skip={skip} take={TAKE} total={list.totalItems} onSkip={setSkip} />
      )}
    </div>
  );
}
