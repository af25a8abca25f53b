import { useSearchParams } from "react-router";
import { useT } from "../../i18n/index.js";
import { useViewer } from "../../lib/viewer.js";
import { CycleHeader } from "./cycle-header.js";
import { CyclePicker, useSettlementCycles } from "./cycle-picker.js";
import { ReconciliationPanel } from "./reconciliation-panel.js";
import { RefundsPanel } from "./refunds-panel.js";
import { SettlementTable } from "./settlement-table.js";

/**
 * `/settlements?cycle=<orderCycleId>`: choose a cycle (the cycle board links here with it), then
 * its settlements per household, the reconciliation panel and the refunds owed to consumers.
 */
export function SettlementsPage() {
  const { t } = useT();
  const { can } = useViewer();
  const [params, setParams] = useSearchParams();
  const cycleId = params.get("cycle");
  const { cycles, groupName } = useSettlementCycles();
  const cycle = cycles.find((c) => c.id === cycleId);
  return (
    <section className="stack">
      <h1>{t("settlements.title")}</h1>
      <p className="muted">{t("settlements.lead")}</p>
      <CyclePicker value={cycleId} onChoose={(id) => setParams({ cycle: id })} />
      {cycle && <CycleHeader cycle={cycle} groupName={groupName(cycle.producerGroupId)} />}
      {cycleId && (
        <>
          <SettlementTable orderCycleId={cycleId} cycleCode={cycle?.code ?? ""} />
          <ReconciliationPanel orderCycleId={cycleId} />
          {can("payment:record") && <RefundsPanel orderCycleId={cycleId} />}
        </>
      )}
    </section>
  );
}
