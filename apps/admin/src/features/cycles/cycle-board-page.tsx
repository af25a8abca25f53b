import { useQuery } from "@apollo/client/react";
import { dateTime, localDate, pick } from "@nested/domain";
import { QueryState } from "@nested/web-kit";
import { Link } from "react-router";
import { useT } from "../../i18n/index.js";
import { useViewer } from "../../lib/viewer.js";
import { OverviewQuery } from "./documents.js";
import { TransitionButtons } from "./transition-buttons.js";
import { type BoardCycle, WithCycle } from "./use-cycle.js";

/**
 * The cycle board `/cycles/:id`: where the cycle stands, its dates (Beijing time), the units of
 * each variant from declaration to intake, the next steps allowed now and the cycle's pages.
 */
export function CycleBoardPage() {
  const { t } = useT();
  return <WithCycle title={t("cycles.boardTitle")}>{(cycle) => <Board cycle={cycle} />}</WithCycle>;
}

function Board({ cycle }: { cycle: BoardCycle }) {
  const { t, language } = useT();
  const { can } = useViewer();
  return (
    <>
      <dl className="facts">
        <div>
          <dt>{t("cycles.state")}</dt>
          <dd>
            <strong data-testid="cycle-state">{t(`cycleState.${cycle.state}`)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t("cycles.declarationOpensOn")}</dt>
          <dd>{localDate(cycle.declarationOpensOn, language)}</dd>
        </div>
        <div>
          <dt>{t("cycles.opensAt")}</dt>
          <dd>{dateTime(cycle.opensAt, language)}</dd>
        </div>
        <div>
          <dt>{t("cycles.closesAt")}</dt>
          <dd>{dateTime(cycle.closesAt, language)}</dd>
        </div>
        <div>
          <dt>{t("cycles.deliveryOn")}</dt>
          <dd>{localDate(cycle.deliveryOn, language)}</dd>
        </div>
      </dl>
      {can("cycle:manage") && (
        <section aria-labelledby="next-steps">
          <h2 id="next-steps">{t("cycles.nextSteps")}</h2>
          <TransitionButtons cycle={cycle} />
        </section>
      )}
      <nav aria-label={t("cycles.pages")} className="no-print">
        <h2>{t("cycles.pages")}</h2>
        <ul className="tiles">
          <li>
            <Link to={`/cycles/${cycle.id}/declarations`}>{t("cycles.declarationsTitle")}</Link>
          </li>
          {can("cycle:manage") && (
            <li>
              <Link to={`/cycles/${cycle.id}/offers`}>{t("cycles.offersTitle")}</Link>
            </li>
          )}
          {can("payment:record") && (
            <li>
              <Link to={`/cycles/${cycle.id}/orders`}>{t("cycles.ordersTitle")}</Link>
            </li>
          )}
          {can("intake:record") && (
            <>
              <li>
                <Link to={`/cycles/${cycle.id}/allocation`}>{t("cycles.allocationTitle")}</Link>
              </li>
              <li>
                <Link to={`/cycles/${cycle.id}/intake`}>{t("cycles.intakeLink")}</Link>
              </li>
              <li>
                <Link to={`/cycles/${cycle.id}/packing`}>{t("cycles.packingLink")}</Link>
              </li>
              <li>
                <Link to={`/cycles/${cycle.id}/pickups`}>{t("cycles.pickupsLink")}</Link>
              </li>
            </>
          )}
          {can("settlement:approve") && (
            <li>
              <Link to={`/settlements?cycle=${cycle.id}`}>{t("cycles.settlementsLink")}</Link>
            </li>
          )}
        </ul>
      </nav>
      <Overview cycleId={cycle.id} />
    </>
  );
}

function Overview({ cycleId }: { cycleId: string }) {
  const { t, language } = useT();
  const { data, loading, error, refetch } = useQuery(OverviewQuery, {
    variables: { id: cycleId },
  });
  const rows = data?.cycleOverview;
  return (
    <section aria-labelledby="overview">
      <h2 id="overview">{t("cycles.overviewTitle")}</h2>
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!rows} />
      {rows && (
        <div className="table-wrap">
          <table data-testid="overview">
            <thead>
              <tr>
                <th scope="col">{t("cycles.variant")}</th>
                <th scope="col" className="num">
                  {t("cycles.declared")}
                </th>
                <th scope="col" className="num">
                  {t("cycles.offered")}
                </th>
                <th scope="col" className="num">
                  {t("cycles.ordered")}
                </th>
                <th scope="col" className="num">
                  {t("cycles.allocated")}
                </th>
                <th scope="col" className="num">
                  {t("cycles.accepted")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.variantId}>
                  <th scope="row" lang={language === "en" ? undefined : "zh-CN"}>
                    {pick(language, r.productNameZh, r.productNameEn)} ·{" "}
                    {pick(language, r.variantNameZh, r.variantNameEn)}
                  </th>
                  <td className="num">{r.declared}</td>
                  <td className="num">{r.offered}</td>
                  <td className="num">{r.ordered}</td>
                  <td className="num">{r.allocated}</td>
                  <td className="num">{r.accepted}</td>
                </tr>
              ))}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={6}>{t("cycles.overviewEmpty")}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
