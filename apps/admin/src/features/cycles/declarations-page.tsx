import { useMutation, useQuery } from "@apollo/client/react";
import { pick } from "@nested/domain";
import { Failed, QueryState } from "@nested/web-kit";
import { type KeyboardEvent, useMemo, useRef, useState } from "react";
import {
  type AdminErrorResult,
  ErrorResultMessage,
  errorResultOf,
} from "../../components/error-result.js";
import { Pager } from "../../components/pager.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { useViewer } from "../../lib/viewer.js";
import {
  cellKey,
  changedEntries,
  columnTotals,
  type DeclarationEntry,
  problemsByCell,
} from "./declaration-sheet.js";
import { DeclarationSheetQuery, RecordDeclarationsMutation } from "./documents.js";
import { type BoardCycle, WithCycle } from "./use-cycle.js";

const TAKE = 100;
const EDITABLE = ["DRAFT", "DECLARING"];

/**
 * Supply declarations (报货) of a cycle as a field worker types them in the evening: one row per
 * active household of the group, one column per variant in season (more can be added), whole
 * units; Enter or ↓ goes to the next household, ↑ back; totals follow the typing; one save
 * sends every changed cell, all or nothing. A refusal puts each problem on its cell and keeps
 * everything typed.
 */
export function DeclarationsPage() {
  const { t } = useT();
  return (
    <WithCycle title={t("cycles.declarationsTitle")}>
      {(cycle) => <Sheet cycle={cycle} />}
    </WithCycle>
  );
}

function Sheet({ cycle }: { cycle: BoardCycle }) {
  const { t, language } = useT();
  const { can } = useViewer();
  const [skip, setSkip] = useState(0);
  const { data, loading, error, refetch } = useQuery(DeclarationSheetQuery, {
    variables: { id: cycle.id, groupId: cycle.producerGroupId, page: { skip, take: TAKE } },
  });
  const [typed, setTyped] = useState<Map<string, string>>(new Map());
  const [extra, setExtra] = useState<string[]>([]);
  const [adding, setAdding] = useState("");
  const [sent, setSent] = useState<DeclarationEntry[]>([]);
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [record, { loading: saving, error: saveError }] = useMutation(RecordDeclarationsMutation, {
    update: (cache) => evictRootFields(cache, ["cycleOverview", "offers"]),
  });
  const editable = EDITABLE.includes(cycle.state) && can("cycle:manage");

  const variants = useMemo(() => {
    const month = Number(cycle.deliveryOn.slice(5, 7));
    const declared = new Set(data?.supplyDeclarations.map((d) => d.variantId));
    const all = (data?.products.items ?? []).flatMap((p) =>
      p.variants.map((v) => ({
        id: v.id,
        label: `${pick(language, p.nameZh, p.nameEn)} · ${pick(language, v.nameZh, v.nameEn)}`,
        shown: p.seasonMonths.includes(month) || declared.has(v.id) || extra.includes(v.id),
      })),
    );
    return { shown: all.filter((v) => v.shown), hidden: all.filter((v) => !v.shown) };
  }, [data, cycle.deliveryOn, language, extra]);

  const saved = useMemo(
    () =>
      new Map(
        (data?.supplyDeclarations ?? []).map((d) => [
          cellKey(d.householdId, d.variantId),
          d.quantity,
        ]),
      ),
    [data],
  );
  const households = data?.households.items ?? [];
  const householdIds = households.map((h) => h.id);
  const variantIds = variants.shown.map((v) => v.id);
  const textOf = (key: string) => typed.get(key) ?? (saved.has(key) ? String(saved.get(key)) : "");
  const current = new Map(
    householdIds.flatMap((h) => variantIds.map((v) => [cellKey(h, v), textOf(cellKey(h, v))])),
  );
  const totals = columnTotals(householdIds, variantIds, current);
  const problems = refusal?.problems ? problemsByCell(sent, refusal.problems) : new Map();

  function type(key: string, text: string) {
    setSavedCount(null);
    setTyped((before) => new Map(before).set(key, text));
  }

  function moveOn(event: KeyboardEvent<HTMLInputElement>, row: number, variantId: string) {
    const step =
      event.key === "Enter" || event.key === "ArrowDown" ? 1 : event.key === "ArrowUp" ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = householdIds[row + step];
    if (next) inputs.current.get(cellKey(next, variantId))?.focus();
    else if (step === 1) document.getElementById("save-declarations")?.focus();
  }

  async function save() {
    setRefusal(null);
    setSavedCount(null);
    const entries = changedEntries(householdIds, variantIds, typed, saved);
    setSent(entries);
    if (entries.length === 0) return setSavedCount(0);
    const { data: answer } = await record({ variables: { id: cycle.id, entries } }).catch(() => ({
      data: undefined,
    }));
    const refused = errorResultOf(answer?.recordSupplyDeclarations);
    if (refused) return setRefusal(refused);
    if (answer?.recordSupplyDeclarations.__typename === "SupplyDeclarationsRecorded") {
      await refetch();
      setTyped(new Map());
      setSavedCount(entries.length);
    }
  }

  const state = (
    <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!data} />
  );
  if (!data) return state;
  return (
    <div className="stack">
      <p className="muted">{editable ? t("cycles.declarationsLead") : t("cycles.readOnly")}</p>
      {editable && variants.hidden.length > 0 && (
        <div className="row no-print">
          <label>
            {t("cycles.addColumn")}
            <select value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">—</option>
              {variants.hidden.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!adding}
            onClick={() => {
              setExtra((e) => [...e, adding]);
              setAdding("");
            }}
          >
            {t("cycles.addColumnButton")}
          </button>
        </div>
      )}
      <div className="table-wrap">
        <table className="sheet" data-testid="declarations">
          <thead>
            <tr>
              <th scope="col">{t("cycles.household")}</th>
              {variants.shown.map((v) => (
                <th
                  key={v.id}
                  scope="col"
                  className="num"
                  lang={language === "en" ? undefined : "zh-CN"}
                >
                  {v.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {households.map((h, row) => (
              <tr key={h.id}>
                <th scope="row">
                  {h.code} <span lang="zh-CN">{h.headName}</span>
                </th>
                {variants.shown.map((v) => {
                  const key = cellKey(h.id, v.id);
                  const cellProblems = problems.get(key) as string[] | undefined;
                  const label = `${h.code} ${v.label}`;
                  return (
                    <td key={v.id} className="num">
                      {editable ? (
                        <>
                          <input
                            ref={(el) => {
                              if (el) inputs.current.set(key, el);
                              else inputs.current.delete(key);
                            }}
                            className="units"
                            inputMode="numeric"
                            autoComplete="off"
                            aria-label={label}
                            data-household={h.code}
                            aria-invalid={cellProblems ? true : undefined}
                            aria-describedby={cellProblems ? `p-${key}` : undefined}
                            value={textOf(key)}
                            onChange={(e) => type(key, e.target.value)}
                            onKeyDown={(e) => moveOn(e, row, v.id)}
                            onFocus={(e) => e.target.select()}
                          />
                          {cellProblems && (
                            <span className="field-problem" id={`p-${key}`}>
                              {cellProblems.join(" ")}
                            </span>
                          )}
                        </>
                      ) : (
                        textOf(key)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("cycles.total")}</th>
              {variants.shown.map((v) => (
                <td key={v.id} className="num" data-testid={`total-${v.id}`}>
                  {totals.get(v.id) ?? 0}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <Pager
        skip={skip}
        take={TAKE}
        total={data.households.totalItems}
        onSkip={(s) => setSkip(s)}
      />
      {refusal && <ErrorResultMessage error={{ ...refusal, problems: undefined }} />}
      {problems.get("") && (
        <ul className="alert">
          {(problems.get("") as string[]).map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {saveError && <Failed error={saveError} />}
      {savedCount !== null && (
        <p className="notice" role="status">
          {savedCount === 0
            ? t("cycles.nothingChanged")
            : t("cycles.savedEntries", { n: savedCount })}
        </p>
      )}
      {editable && (
        <div className="row">
          <button
            id="save-declarations"
            type="button"
            className="primary big"
            disabled={saving}
            onClick={() => void save()}
          >
            {saving ? t("state.saving") : t("cycles.saveDeclarations")}
          </button>
        </div>
      )}
    </div>
  );
}
