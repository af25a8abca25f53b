import { useQuery } from "@apollo/client/react";
import { QueryState } from "@nested/web-kit";
import { useState } from "react";
import { useParams } from "react-router";
import { Pager } from "../../components/pager.js";
import { useT } from "../../i18n/index.js";
import { CycleFrame } from "./cycle-frame.js";
import { LotCheck } from "./lot-check.js";
import { IntakeLotsQuery, IntakeProgressQuery } from "./queries.js";

/** Lots per page on the intake screen. */
const TAKE = 50;

/**
 * "12 of 30 lots checked": lots allocated something (all − DECLARED) and of those the ones no
 * longer waiting for their check (− ALLOCATED).
 */
function Progress({ cycleId }: { cycleId: string }) {
  const { t } = useT();
  const { data } = useQuery(IntakeProgressQuery, { variables: { orderCycleId: cycleId } });
  if (!data) return null;
  const total = data.all.totalItems - data.declared.totalItems;
  const checked = total - data.unchecked.totalItems;
  const text = t("intake.intake.progress", { checked, total });
  return (
    <div className="intake-progress" role="status">
      <p>{text}</p>
      <progress max={Math.max(total, 1)} value={checked} aria-label={text} />
    </div>
  );
}

function Lots({ cycleId, canCheck }: { cycleId: string; canCheck: boolean }) {
  const { t } = useT();
  const [skip, setSkip] = useState(0);
  const [onlyUnchecked, setOnlyUnchecked] = useState(false);
  const { data, loading, error, refetch } = useQuery(IntakeLotsQuery, {
    variables: {
      orderCycleId: cycleId,
      state: onlyUnchecked ? "ALLOCATED" : null,
      page: { skip, take: TAKE },
    },
  });
  const lots = data?.lots;
  return (
    <>
      <label className="check-label no-print">
        <input
          type="checkbox"
          checked={onlyUnchecked}
          onChange={(e) => {
            setOnlyUnchecked(e.target.checked);
            setSkip(0);
          }}
        />
        {t("intake.intake.onlyUnchecked")}
      </label>
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!lots} />
      {lots && lots.totalItems === 0 && <p>{t("intake.intake.noLots")}</p>}
      <div className="lots">
        {lots?.items.map((lot) => (
          <LotCheck key={lot.id} lot={lot} canCheck={canCheck} />
        ))}
      </div>
      {lots && lots.totalItems > TAKE && (
        <Pager skip={skip} take={TAKE} total={lots.totalItems} onSkip={setSkip} />
      )}
    </>
  );
}

/**
 * The intake screen of a cycle (`:id` in the URL) for a tablet at the collection point: progress,
 * then every lot by household code and product with its quality check ({@link LotCheck}).
 * "Start intake" moves an ALLOCATED cycle to COLLECTING; "Packing done" moves it to PACKED (the
 * API refuses while a lot is unchecked, in words).
 */
export function IntakePage() {
  const { t } = useT();
  const { id = "" } = useParams();
  return (
    <CycleFrame cycleId={id} moves={["COLLECTING", "PACKED"]}>
      {(cycle) => (
        <section className="stack intake" aria-labelledby="intake-title">
          <h2 id="intake-title">{t("intake.nav.intake")}</h2>
          <p className="muted">{t("intake.intake.lead")}</p>
          {cycle.state !== "COLLECTING" && (
            <p className="notice">{t("intake.intake.notCollecting")}</p>
          )}
          <Progress cycleId={id} />
          <Lots cycleId={id} canCheck={cycle.state === "COLLECTING"} />
        </section>
      )}
    </CycleFrame>
  );
}
