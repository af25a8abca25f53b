import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import {
  type AdminErrorResult,
  errorResultOf,
  ErrorResultMessage,
} from "../../components/error-result.js";
import type { HeadAgeBand, Sex } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import {
  draftOf,
  draftToInput,
  type HouseholdDraft,
  problemsOf,
  RESOURCE_KEYS,
} from "./edit-draft.js";
import { Field } from "./field.js";
import type { HouseholdDetail } from "./household-sections.js";
import { UpdateHouseholdMutation } from "./queries.js";

const AGE_BANDS: readonly HeadAgeBand[] = [
  "UNDER_40",
  "FROM_40_TO_49",
  "FROM_50_TO_59",
  "FROM_60_TO_69",
  "FROM_70",
];
const SEXES: readonly Sex[] = ["F", "M"];

/**
 * The household's basic changes (`updateHousehold`, household:write): code, head, size,
 * registered-poor, public name and livelihood resources. A refusal shows the API's reason at the
 * top and each problem under its field, and the form keeps everything typed; a save closes it.
 */
export function HouseholdEditForm({
  household,
  onDone,
}: {
  household: HouseholdDetail;
  onDone(): void;
}) {
  const { t } = useT();
  const [draft, setDraft] = useState<HouseholdDraft>(() => draftOf(household));
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [notNumbers, setNotNumbers] = useState<string[]>([]);
  const [update, { loading, error }] = useMutation(UpdateHouseholdMutation);
  function notNumberMessage(field: string): string {
    return t(
      field.endsWith("landMu") ? "households.edit.notANumber" : "households.edit.notAWholeNumber",
    );
  }
  const problems = [
    ...(refusal?.problems ?? []),
    ...notNumbers.map((field) => ({ field, message: notNumberMessage(field) })),
  ];
  const resourceProblems = problemsOf(refusal?.problems ?? [], "livelihoodResources");
  const set = (changes: Partial<HouseholdDraft>) => setDraft((d) => ({ ...d, ...changes }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { input, notNumbers: wrong } = draftToInput(draft);
    setNotNumbers(wrong);
    setRefusal(null);
    if (!input) return;
    const result = await update({
      variables: { id: household.id, input },
      update: (cache) => evictRootFields(cache, ["households", "auditLog"]),
    }).catch(() => null);
    const answer = result?.data?.updateHousehold;
    if (!answer) return;
    const refused = errorResultOf(answer);
    if (refused) setRefusal(refused);
    else onDone();
  };

  const text = (
    name: "code" | "headName" | "size" | "displayName",
    label: string,
    extra: Record<string, string> = {},
  ) => (
    <Field id={`edit-${name}`} label={label} problems={problemsOf(problems, name)}>
      <input
        name={name}
        value={draft[name]}
        onChange={(e) => set({ [name]: e.target.value })}
        {...extra}
      />
    </Field>
  );

  return (
    <form className="stack edit-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t("households.edit.title")}</h2>
      {(refusal || notNumbers.length > 0) && (
        <ErrorResultMessage
          error={
            refusal
              ? { ...refusal, problems: [] }
              : {
                  errorCode: "INVALID_INPUT",
                  message: t("households.edit.fixFields"),
                }
          }
        />
      )}
      {error && (
        <p className="alert" role="alert">
          {t("state.failed")}
        </p>
      )}
      <div className="form-grid">
        {text("code", t("households.edit.code"))}
        {text("headName", t("households.edit.headName"), { lang: "zh-CN" })}
        <Field
          id="edit-headSex"
          label={t("households.edit.headSex")}
          problems={problemsOf(problems, "headSex")}
        >
          <select
            name="headSex"
            value={draft.headSex}
            onChange={(e) => set({ headSex: SEXES.find((s) => s === e.target.value) ?? "F" })}
          >
            {SEXES.map((s) => (
              <option key={s} value={s}>
                {t(`households.sex.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="edit-headAgeBand"
          label={t("households.edit.headAgeBand")}
          problems={problemsOf(problems, "headAgeBand")}
        >
          <select
            name="headAgeBand"
            value={draft.headAgeBand}
            onChange={(e) =>
              set({ headAgeBand: AGE_BANDS.find((b) => b === e.target.value) ?? "UNDER_40" })
            }
          >
            {AGE_BANDS.map((b) => (
              <option key={b} value={b}>
                {t(`households.ageBand.${b}`)}
              </option>
            ))}
          </select>
        </Field>
        {text("size", t("households.edit.size"), { inputMode: "numeric" })}
        {text("displayName", t("households.edit.displayName"), { lang: "zh-CN" })}
      </div>
      <label className="check">
        <input
          type="checkbox"
          name="registeredPoor"
          checked={draft.registeredPoor}
          onChange={(e) => set({ registeredPoor: e.target.checked })}
        />
        {t("households.edit.registeredPoor")}
      </label>
      <fieldset
        aria-describedby={resourceProblems.length > 0 ? "edit-resources-problems" : undefined}
      >
        <legend>{t("households.edit.resources")}</legend>
        {resourceProblems.length > 0 && (
          <p id="edit-resources-problems" className="field-problem">
            {resourceProblems.join(" ")}
          </p>
        )}
        <div className="form-grid">
          {RESOURCE_KEYS.map((key) => (
            <Field
              key={key}
              id={`edit-${key}`}
              label={t(`households.resource.${key}`)}
              problems={problemsOf(problems, `livelihoodResources.${key}`)}
            >
              <input
                name={key}
                inputMode={key === "landMu" ? "decimal" : "numeric"}
                value={draft.resources[key]}
                onChange={(e) => set({ resources: { ...draft.resources, [key]: e.target.value } })}
              />
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t("state.saving") : t("households.edit.save")}
        </button>
        <button type="button" onClick={onDone}>
          {t("households.edit.cancel")}
        </button>
      </div>
    </form>
  );
}
