import { useMutation, useQuery } from "@apollo/client/react";
import { formatFen, localDate, percent } from "@nested/domain";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { QueryStatus } from "../../components/query-status.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { shanghaiDay } from "../../lib/shanghai-time.js";
import { useSettlementCycles } from "./cycle-picker.js";
import { EndFeeRuleMutation, FeeRulesQuery } from "./documents.js";
import { FeeRuleForm } from "./fee-rule-form.js";
import { OutcomeMessage, useOutcome } from "./outcome.js";

interface Rule {
  id: string;
  kind: string;
  basis: string;
  rateBasisPoints: number;
  perUnitFen: number;
  validFrom: string;
  validTo?: string | null;
}

/** The "End" cell of an open rule: its last valid day, kept when the API refuses it. */
function EndRule({ rule }: { rule: Rule }) {
  const { t } = useT();
  const [day, setDay] = useState(shanghaiDay());
  const { outcome, attempt } = useOutcome();
  const [end, { loading }] = useMutation(EndFeeRuleMutation, {
    update: (cache) => evictRootFields(cache, ["feeRules"]),
  });
  const kind = t(`settlements.kind.${rule.kind}`);
  async function submit(event: FormEvent) {
    event.preventDefault();
    await attempt(
      async () => (await end({ variables: { id: rule.id, validTo: day } })).data?.endFeeRule,
      t("settlements.fees.ended"),
    );
  }
  return (
    <form className="row" onSubmit={submit}>
      <label>
        {t("settlements.fees.endOn", { kind })}
        <input type="date" name="validTo" value={day} onChange={(e) => setDay(e.target.value)} />
      </label>
      <button type="submit" disabled={loading}>
        {t("settlements.fees.end")}
      </button>
      <OutcomeMessage outcome={outcome} />
    </form>
  );
}

/**
 * `/settlements/fee-rules?group=<producerGroupId>`: a producer group's fee rules (rate as a
 * percentage, or ¥ per unit; valid days), ending an open one, and adding one.
 */
export function FeeRulesPage() {
  const { t, language } = useT();
  const [params, setParams] = useSearchParams();
  const { groups, groupName } = useSettlementCycles();
  const groupId = params.get("group") ?? groups[0]?.id ?? "";
  const query = useQuery(FeeRulesQuery, {
    variables: { producerGroupId: groupId },
    skip: !groupId,
  });
  const rules = query.data?.feeRules;
  return (
    <section className="stack">
      <p className="no-print">
        <Link to="/settlements">{t("settlements.title")}</Link>
      </p>
      <h1>{t("settlements.fees.title")}</h1>
      <p className="muted">{t("settlements.fees.lead")}</p>
      {groups.length > 0 && (
        <label className="narrow">
          {t("settlements.fees.group")}
          <select
            name="group"
            value={groupId}
            onChange={(e) => setParams({ group: e.target.value })}
          >
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {groupName(g.id)}
              </option>
            ))}
          </select>
        </label>
      )}
      {!rules ? (
        <QueryStatus query={query} />
      ) : rules.length === 0 ? (
        <p className="muted">{t("settlements.fees.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="fee-rules">
            <caption>{t("settlements.fees.caption", { group: groupName(groupId) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("settlements.fees.kind")}</th>
                <th scope="col">{t("settlements.fees.basis")}</th>
                <th scope="col" className="num">
                  {t("settlements.fees.amount")}
                </th>
                <th scope="col">{t("settlements.fees.validFrom")}</th>
                <th scope="col">{t("settlements.fees.validTo")}</th>
                <th scope="col" className="no-print">
                  {t("settlements.table.actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id} data-kind={r.kind}>
                  <th scope="row">{t(`settlements.kind.${r.kind}`)}</th>
                  <td>{t(`settlements.basis.${r.basis}`)}</td>
                  <td className="num" data-col="amount">
                    {r.basis === "PER_UNIT"
                      ? formatFen(r.perUnitFen)
                      : percent(r.rateBasisPoints, language)}
                  </td>
                  <td>{localDate(r.validFrom, language)}</td>
                  <td>{r.validTo ? localDate(r.validTo, language) : t("settlements.fees.open")}</td>
                  <td className="no-print">{!r.validTo && <EndRule rule={r} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {groupId && <FeeRuleForm producerGroupId={groupId} />}
    </section>
  );
}
