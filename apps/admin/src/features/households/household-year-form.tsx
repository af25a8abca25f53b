import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import {
  type AdminErrorResult,
  ErrorResultMessage,
  errorResultOf,
} from "../../components/error-result.js";
import type { PovertyStatus } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { parseTypedInteger, problemsOf } from "./edit-draft.js";
import { Field } from "./field.js";
import { HouseholdQuery, SetHouseholdYearMutation } from "./queries.js";
import type { HouseholdYearFigures } from "./year-rows.js";

const STATUSES: readonly PovertyStatus[] = [
  "NOT_REGISTERED",
  "REGISTERED",
  "EXITED",
  "MONITORED",
  "RETURNED",
];

/**
 * Records or corrects one year's poverty status and per-capita net income in yuan per person per
 * year (`setHouseholdYear`, household:write-sensitive). It starts on the latest recorded year, and
 * typing a recorded year fills in its figures to correct. A refusal shows each problem under its
 * field and keeps what was typed; a save reloads the household's years.
 */
export function HouseholdYearForm({
  householdId,
  years,
}: {
  householdId: string;
  /** The years recorded so far (any order). */
  years: readonly HouseholdYearFigures[];
}) {
  const { t } = useT();
  const latest = [...years].sort((a, b) => b.year - a.year)[0];
  const [year, setYear] = useState(latest ? String(latest.year) : "");
  const [status, setStatus] = useState<PovertyStatus>(latest?.povertyStatus ?? "REGISTERED");
  const [income, setIncome] = useState(latest ? String(latest.perCapitaNetIncomeYuan) : "");
  const changeYear = (text: string) => {
    setYear(text);
    const recorded = years.find((y) => String(y.year) === text.trim());
    if (recorded) {
      setStatus(recorded.povertyStatus);
      setIncome(String(recorded.perCapitaNetIncomeYuan));
    }
  };
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [notNumbers, setNotNumbers] = useState<string[]>([]);
  const [saved, setSaved] = useState<number | null>(null);
  const [save, { loading, error }] = useMutation(SetHouseholdYearMutation);
  const problems = [
    ...(refusal?.problems ?? []),
    ...notNumbers.map((field) => ({ field, message: t("households.edit.notAWholeNumber") })),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    setSaved(null);
    const y = parseTypedInteger(year);
    const yuan = parseTypedInteger(income);
    const wrong = [
      ...(y === null || Number.isNaN(y) ? ["year"] : []),
      ...(yuan === null || Number.isNaN(yuan) ? ["perCapitaNetIncomeYuan"] : []),
    ];
    setNotNumbers(wrong);
    if (wrong.length > 0 || y === null || yuan === null) return;
    const result = await save({
      variables: { householdId, year: y, povertyStatus: status, perCapitaNetIncomeYuan: yuan },
      refetchQueries: [{ query: HouseholdQuery, variables: { id: householdId } }],
      update: (cache) => evictRootFields(cache, ["auditLog"]),
    }).catch(() => null);
    const answer = result?.data?.setHouseholdYear;
    if (!answer) return;
    const refused = errorResultOf(answer);
    if (refused) setRefusal(refused);
    else setSaved(y);
  };

  return (
    <form className="stack year-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t("households.yearForm.title")}</h3>
      {refusal && <ErrorResultMessage error={{ ...refusal, problems: [] }} />}
      {error && (
        <p className="alert" role="alert">
          {t("state.failed")}
        </p>
      )}
      {saved != null && (
        <p className="notice" role="status">
          {t("households.yearForm.saved", { year: saved })}
        </p>
      )}
      <div className="form-grid">
        <Field
          id="year-year"
          label={t("households.yearForm.year")}
          problems={problemsOf(problems, "year")}
        >
          <input
            name="year"
            inputMode="numeric"
            value={year}
            onChange={(e) => changeYear(e.target.value)}
          />
        </Field>
        <Field
          id="year-status"
          label={t("households.yearForm.povertyStatus")}
          problems={problemsOf(problems, "povertyStatus")}
        >
          <select
            name="povertyStatus"
            value={status}
            onChange={(e) => setStatus(STATUSES.find((s) => s === e.target.value) ?? "REGISTERED")}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`households.povertyStatus.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="year-income"
          label={t("households.yearForm.income")}
          problems={problemsOf(problems, "perCapitaNetIncomeYuan")}
        >
          <input
            name="perCapitaNetIncomeYuan"
            inputMode="numeric"
            value={income}
            onChange={(e) => setIncome(e.target.value)}
          />
        </Field>
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t("state.saving") : t("households.yearForm.save")}
        </button>
      </div>
    </form>
  );
}
