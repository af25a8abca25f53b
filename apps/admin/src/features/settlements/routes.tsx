import { Route, Routes } from "react-router";
import { FeeRulesPage } from "./fee-rules-page.js";
import { SettlementDetailPage } from "./settlement-detail-page.js";
import { SettlementsPage } from "./settlements-page.js";

/**
 * The settlements pages: `/settlements?cycle=<orderCycleId>` (a cycle's settlements, its
 * reconciliation and refunds), `/settlements/fee-rules?group=<producerGroupId>` and
 * `/settlements/<settlementId>` (one settlement and its actions).
 */
export function SettlementRoutes() {
  return (
    <Routes>
      <Route index element={<SettlementsPage />} />
      <Route path="fee-rules" element={<FeeRulesPage />} />
      <Route path=":id" element={<SettlementDetailPage />} />
    </Routes>
  );
}
