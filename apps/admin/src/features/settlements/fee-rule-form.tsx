import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { ChoiceField, TextField } from "../../lib/form-fields.js";
import { percentToBasisPoints, yuanToFen } from "./amounts.js";
import { shanghaiDay } from "../../lib/shanghai-time.js";
import { CreateFeeRuleMutation } from "./documents.js";
import { OutcomeMessage, useOutcome } from "./outcome.js";
import { FEE_KINDS } from "./settlement-table.js";

const BASES = ["PERCENT_OF_GROSS", "PER_UNIT"] as const;

/**
 * Adds a fee rule to a producer group: kind, basis, the amount as typed — a percentage of gross
 * ("2.5" → 250 basis points) or yuan per accepted unit ("0.10" → 10 fen), both converted exactly
 * — and the days it is valid. A refusal (an overlapping rule, a bad amount) keeps what was typed.
 */
export function FeeRuleForm({ producerGroupId }: { producerGroupId: string }) {
  const { t } = useT();
  const [kind, setKind] = useState<(typeof FEE_KINDS)[number]>("TRANSPORT");
  const [basis, setBasis] = useState<(typeof BASES)[number]>("PERCENT_OF_GROSS");
  const [amount, setAmount] = useState("");
  const [validFrom, setValidFrom] = useState(shanghaiDay());
  const [validTo, setValidTo] = useState("");
  const { outcome, attempt, refuse } = useOutcome();
  const [create, { loading }] = useMutation(CreateFeeRuleMutation, {
    update: (cache) => evictRootFields(cache, ["feeRules"]),
  });
  const percent = basis === "PERCENT_OF_GROSS";
  const amountLabel = percent ? t("settlements.fees.rate") : t("settlements.fees.perUnit");
  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = percent ? percentToBasisPoints(amount) : yuanToFen(amount);
    if (!parsed.ok)
      return refuse(t(`settlements.${parsed.problem}`), [
        { field: amountLabel, message: t(`settlements.${parsed.problem}`) },
      ]);
    const saved = await attempt(
      async () =>
        (
          await create({
            variables: {
              input: {
                producerGroupId,
                kind,
                basis,
                ...(percent ? { rateBasisPoints: parsed.value } : { perUnitFen: parsed.value }),
                validFrom,
                validTo: validTo || null,
              },
            },
          })
        ).data?.createFeeRule,
      t("settlements.fees.added"),
    );
    if (saved) setAmount("");
  }
  return (
    <form className="stack narrow" onSubmit={submit} aria-labelledby="fee-rule-title">
      <h2 id="fee-rule-title">{t("settlements.fees.add")}</h2>
      <ChoiceField<(typeof FEE_KINDS)[number]>
        label={t("settlements.fees.kind")}
        name="kind"
        values={FEE_KINDS}
        value={kind}
        onChange={setKind}
        text={(k) => t(`settlements.kind.${k}`)}
      />
      <ChoiceField<(typeof BASES)[number]>
        label={t("settlements.fees.basis")}
        name="basis"
        values={BASES}
        value={basis}
        onChange={setBasis}
        text={(b) => t(`settlements.basis.${b}`)}
      />
      <TextField
        label={amountLabel}
        name="amount"
        inputMode="decimal"
        value={amount}
        onChange={setAmount}
      />
      <TextField
        label={t("settlements.fees.validFrom")}
        name="validFrom"
        type="date"
        value={validFrom}
        onChange={setValidFrom}
      />
      <TextField
        label={t("settlements.fees.validTo")}
        name="validTo"
        type="date"
        value={validTo}
        onChange={setValidTo}
      />
      <OutcomeMessage outcome={outcome} />
      <button type="submit" className="primary" disabled={loading}>
        {t("settlements.fees.add")}
      </button>
    </form>
  );
}
