import { useQuery } from "@apollo/client/react";
import { dateTime, formatFen, localDate, pick } from "@nested/domain";
import { Link, useParams } from "react-router";
import { ErrorResultMessage, errorResultOf } from "../../components/error-result.js";
import { QueryStatus } from "../../components/query-status.js";
import { useT } from "../../i18n/index.js";
import { SettlementQuery } from "./documents.js";
import { SettlementActions } from "./settlement-actions.js";
import { FEE_KINDS } from "./settlement-table.js";

/** Deductions in the order the settlements table shows its fee columns. */
function sortedByKind<T extends { kind: string }>(deductions: readonly T[]): T[] {
  return [...deductions].sort(
    (a, b) => FEE_KINDS.indexOf(a.kind as never) - FEE_KINDS.indexOf(b.kind as never),
  );
}

/**
 * `/settlements/<id>`: one household's settlement for a cycle — gross, each fee, adjustments and
 * net in ¥, its state and history (calculated, approved, paid how and when, acknowledged), and
 * the actions its state and the viewer's role allow.
 */
export function SettlementDetailPage() {
  const { t, language } = useT();
  const { id = "" } = useParams();
  const query = useQuery(SettlementQuery, { variables: { id } });
  const answer = query.data?.settlement;
  if (!answer) return <QueryStatus query={query} />;
  const refused = errorResultOf(answer);
  if (refused || answer.__typename !== "Settlement")
    return (
      <section className="stack">
        <h1>{t("settlements.title")}</h1>
        {refused && <ErrorResultMessage error={refused} />}
        <Link to="/settlements">{t("settlements.detail.back")}</Link>
      </section>
    );
  const s = answer;
  const none = t("settlements.detail.none");
  const village = s.householdVillage;
  const facts: [string, string][] = [
    [t("settlements.table.state"), t(`settlements.settlementState.${s.state}`)],
    [
      t("settlements.detail.calculatedAt"),
      s.calculatedAt ? dateTime(s.calculatedAt, language) : none,
    ],
    [t("settlements.detail.approvedAt"), s.approvedAt ? dateTime(s.approvedAt, language) : none],
    [t("settlements.detail.paidOn"), s.paidOn ? localDate(s.paidOn, language) : none],
    [t("settlements.detail.paidMethod"), s.paidMethod ? t(`paymentMethod.${s.paidMethod}`) : none],
    [t("settlements.detail.reference"), s.payoutReference ?? none],
    [
      t("settlements.detail.acknowledgedAt"),
      s.acknowledgedAt ? dateTime(s.acknowledgedAt, language) : none,
    ],
  ];
  return (
    <section className="stack">
      <p className="no-print">
        <Link to={`/settlements?cycle=${s.orderCycleId}`}>{t("settlements.detail.back")}</Link>
      </p>
      <h1>{t("settlements.detail.title", { code: s.householdCode })}</h1>
      <p>
        {t("settlements.detail.village")}
        <span lang={language === "en" && village.nameEn ? "en" : "zh-CN"}>
          {pick(language, village.nameZh, village.nameEn)}
        </span>
      </p>
      {s.correctsSettlementId && <p className="muted">{t("settlements.detail.correctionOf")}</p>}
      <div className="table-wrap narrow">
        <table className="settlement-figures">
          <tbody>
            <tr data-col="gross">
              <th scope="row">{t("settlements.table.gross")}</th>
              <td className="num">{formatFen(s.grossFen)}</td>
            </tr>
            {sortedByKind(s.deductions).map((d) => (
              <tr key={d.id} data-col={d.kind}>
                <th scope="row">− {t(`settlements.kind.${d.kind}`)}</th>
                <td className="num">{formatFen(d.amountFen)}</td>
              </tr>
            ))}
            <tr data-col="adjustments">
              <th scope="row">± {t("settlements.table.adjustments")}</th>
              <td className="num">{formatFen(s.adjustmentsFen)}</td>
            </tr>
            <tr data-col="net">
              <th scope="row">= {t("settlements.table.net")}</th>
              <td className="num">
                <strong>{formatFen(s.netFen)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd data-fact={term}>{value}</dd>
          </div>
        ))}
      </dl>
      <SettlementActions settlement={s} />
    </section>
  );
}
