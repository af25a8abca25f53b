import { useQuery } from "@apollo/client/react";
import { formatFen } from "@nested/domain";
import { ErrorResultMessage, errorResultOf } from "../../components/error-result.js";
import { QueryStatus } from "../../components/query-status.js";
import { useT } from "../../i18n/index.js";
import { ReconciliationQuery } from "./documents.js";

/**
 * The cycle's reconciliation: consumer payments = payouts + fees + refunds − balances due, each
 * term in ¥ with two decimals, and the difference (payments − the right-hand side), which must
 * read ¥0.00: shown large, green when 0, red otherwise. Corrections of earlier cycles booked in
 * this one are shown apart, outside the identity (they are paid from the group's funds).
 */
export function ReconciliationPanel({ orderCycleId }: { orderCycleId: string }) {
  const { t } = useT();
  const query = useQuery(ReconciliationQuery, { variables: { orderCycleId } });
  const answer = query.data?.reconciliation;
  const body = (() => {
    if (!answer) return <QueryStatus query={query} />;
    const refused = errorResultOf(answer);
    if (refused || answer.__typename !== "Reconciliation")
      return refused ? <ErrorResultMessage error={refused} /> : null;
    const balanced = answer.differenceFen === 0;
    const rows: [string, string, number][] = [
      ["payments", t("settlements.reconciliation.payments"), answer.paymentsFen],
      ["payouts", `= ${t("settlements.reconciliation.payouts")}`, answer.payoutsFen],
      [
        "fees",
        `+ ${t("settlements.reconciliation.fees", {
          deductions: formatFen(answer.deductionsFen),
          margin: formatFen(answer.marketMarginFen),
        })}`,
        answer.feesFen,
      ],
      ["refunds", `+ ${t("settlements.reconciliation.refunds")}`, answer.refundsFen],
      ["balancesDue", `− ${t("settlements.reconciliation.balancesDue")}`, answer.balancesDueFen],
    ];
    return (
      <>
        <table className="reconciliation">
          <tbody>
            {rows.map(([key, label, fen]) => (
              <tr key={key} data-term={key}>
                <th scope="row">{label}</th>
                <td className="num">{formatFen(fen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div
          className={balanced ? "difference balanced" : "difference unbalanced"}
          role="status"
          data-difference={answer.differenceFen}
        >
          <span>{t("settlements.reconciliation.difference")}</span>
          <strong>{formatFen(answer.differenceFen)}</strong>
          <span className="small">
            {balanced
              ? t("settlements.reconciliation.balanced")
              : t("settlements.reconciliation.unbalanced", {
                  amount: formatFen(answer.differenceFen),
                })}
          </span>
        </div>
        {answer.correctionsFen !== 0 && (
          <p className="muted">
            {t("settlements.reconciliation.corrections", {
              amount: formatFen(answer.correctionsFen),
            })}
          </p>
        )}
      </>
    );
  })();
  return (
    <section className="stack recon-panel" aria-labelledby="reconciliation-title">
      <h2 id="reconciliation-title">{t("settlements.reconciliation.title")}</h2>
      <p className="muted">{t("settlements.reconciliation.lead")}</p>
      {body}
    </section>
  );
}
