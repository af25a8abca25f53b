import { useQuery } from "@apollo/client/react";
import { type AllocationReason, describeAllocationReason, pick } from "@nested/domain";
import { QueryState } from "@nested/web-kit";
import { useT } from "../../i18n/index.js";
import { AllocationQuery } from "./documents.js";
import { type BoardCycle, WithCycle } from "./use-cycle.js";

/** States from which the cycle has an allocation to show. */
const ALLOCATED_OR_LATER = [
  "ALLOCATED",
  "COLLECTING",
  "PACKED",
  "DISPATCHED",
  "DELIVERED",
  "SETTLING",
  "SETTLED",
  "ARCHIVED",
];

/**
 * The pro-poor allocation of a cycle: per product, each household's lot with the units declared
 * and allocated, the order lines it serves, its rank and the reason in words
 * (`describeAllocationReason` from the API's structured reason) — so the choice can be explained
 * to the households.
 */
export function AllocationPage() {
  const { t } = useT();
  return (
    <WithCycle title={t("cycles.allocationTitle")}>
      {(cycle) => <Allocation cycle={cycle} />}
    </WithCycle>
  );
}

function Allocation({ cycle }: { cycle: BoardCycle }) {
  const { t, language } = useT();
  const { data, loading, error, refetch } = useQuery(AllocationQuery, {
    variables: { id: cycle.id },
  });
  if (!ALLOCATED_OR_LATER.includes(cycle.state)) {
    return <p className="notice">{t("cycles.notAllocatedYet")}</p>;
  }
  const rows = data?.cycleAllocation;
  if (!rows) {
    return (
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={false} />
    );
  }
  return (
    <div className="stack">
      <p className="muted">{t("cycles.allocationLead")}</p>
      <div className="table-wrap">
        <table data-testid="allocation">
          <thead>
            <tr>
              <th scope="col">{t("cycles.variant")}</th>
              <th scope="col">{t("cycles.household")}</th>
              <th scope="col" className="num">
                {t("cycles.declared")}
              </th>
              <th scope="col" className="num">
                {t("cycles.allocated")}
              </th>
              <th scope="col" className="num">
                {t("cycles.orderLines")}
              </th>
              <th scope="col" className="num">
                {t("cycles.rank")}
              </th>
              <th scope="col">{t("cycles.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.lotId} data-household={r.householdCode}>
                <td lang={language === "en" ? undefined : "zh-CN"}>
                  {pick(language, r.productNameZh, r.productNameEn)} ·{" "}
                  {pick(language, r.variantNameZh, r.variantNameEn)}
                </td>
                <th scope="row">{r.householdCode}</th>
                <td className="num">{r.quantityDeclared}</td>
                <td className="num">{r.quantityAllocated}</td>
                <td className="num">{r.orderLines}</td>
                <td className="num">{r.rank ?? "—"}</td>
                <td>
                  {r.rank !== null && r.reason
                    ? describeAllocationReason(r.rank, r.reason as AllocationReason, language)
                    : t("cycles.notAllocated")}
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={7}>{t("table.empty")}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
