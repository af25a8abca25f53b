import { useMutation, useQuery } from "@apollo/client/react";
import { formatFen, parseYuanToFen, pick } from "@nested/domain";
import { Failed, QueryState } from "@nested/web-kit";
import { useState } from "react";
import { Link } from "react-router";
import {
  type AdminErrorResult,
  ErrorResultMessage,
  errorResultOf,
} from "../../components/error-result.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { OffersQuery, OverviewQuery, PublishOffersMutation } from "./documents.js";
import { type BoardCycle, WithCycle } from "./use-cycle.js";

/** What is typed for one variant: prices in yuan, buffer in units. */
interface OfferDraft {
  price: string;
  producerPrice: string;
  buffer: string;
}

/** Fen as yuan for an input ("16.50"), or "" when there is no price yet. */
function yuanText(fen: number | undefined): string {
  return fen === undefined ? "" : (fen / 100).toFixed(2);
}

/**
 * Publishes the cycle's offers from its declarations: per declared variant the consumer price
 * and the producer price in yuan (¥, two decimals; converted to integer fen by `parseYuanToFen`)
 * and the buffer held back against rejections. Rows with no price typed are left out; anything
 * refused stays typed with its reason on the row.
 */
export function OffersPage() {
  const { t } = useT();
  return (
    <WithCycle title={t("cycles.offersTitle")}>{(cycle) => <Offers cycle={cycle} />}</WithCycle>
  );
}

function Offers({ cycle }: { cycle: BoardCycle }) {
  const { t, language } = useT();
  const overview = useQuery(OverviewQuery, { variables: { id: cycle.id } });
  const offers = useQuery(OffersQuery, { variables: { id: cycle.id } });
  const [drafts, setDrafts] = useState<Record<string, OfferDraft>>({});
  const [rowProblems, setRowProblems] = useState<Record<string, string[]>>({});
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [publish, { loading, error }] = useMutation(PublishOffersMutation, {
    update: (cache) => evictRootFields(cache, ["offers", "cycleOverview"]),
  });
  // publishOffers works while DECLARING (create or replace) and OPEN (top-ups) only.
  const editable = cycle.state === "DECLARING" || cycle.state === "OPEN";

  if (!overview.data || !offers.data) {
    return (
      <QueryState
        loading={overview.loading || offers.loading}
        error={overview.error ?? offers.error}
        retry={() => void Promise.all([overview.refetch(), offers.refetch()])}
        hasData={false}
      />
    );
  }
  const offerOf = new Map(offers.data.offers.map((o) => [o.variantId, o]));
  const rows = overview.data.cycleOverview.filter(
    (r) => r.declared > 0 || offerOf.has(r.variantId),
  );
  const draftOf = (variantId: string): OfferDraft => {
    const offer = offerOf.get(variantId);
    return (
      drafts[variantId] ?? {
        price: yuanText(offer?.priceFen),
        producerPrice: yuanText(offer?.producerPriceFen),
        buffer: offer ? String(offer.buffer) : "0",
      }
    );
  };
  const edit = (variantId: string, field: keyof OfferDraft, value: string) => {
    setPublished(null);
    setDrafts((d) => ({ ...d, [variantId]: { ...draftOf(variantId), [field]: value } }));
  };

  async function submit() {
    setRefusal(null);
    setPublished(null);
    const problems: Record<string, string[]> = {};
    const plans: {
      variantId: string;
      priceFen: number;
      producerPriceFen: number;
      buffer: number;
    }[] = [];
    for (const row of rows) {
      const draft = draftOf(row.variantId);
      if (draft.price.trim() === "" && draft.producerPrice.trim() === "") continue;
      const mine: string[] = [];
      const fen = (text: string, label: string) => {
        try {
          return parseYuanToFen(text);
        } catch {
          mine.push(t("cycles.notAnAmount", { field: label, text }));
          return 0;
        }
      };
      const priceFen = fen(draft.price, t("cycles.consumerPrice"));
      const producerPriceFen = fen(draft.producerPrice, t("cycles.producerPrice"));
      const buffer = /^\d+$/.test(draft.buffer.trim()) ? Number(draft.buffer) : -1;
      if (buffer < 0) mine.push(t("cycles.notUnits", { field: t("cycles.buffer") }));
      if (mine.length) problems[row.variantId] = mine;
      plans.push({ variantId: row.variantId, priceFen, producerPriceFen, buffer });
    }
    setRowProblems(problems);
    if (Object.keys(problems).length > 0) return;
    const { data } = await publish({ variables: { id: cycle.id, offers: plans } }).catch(() => ({
      data: undefined,
    }));
    const refused = errorResultOf(data?.publishOffers);
    if (refused) {
      const byRow: Record<string, string[]> = {};
      const general: { field: string; message: string }[] = [];
      for (const p of refused.problems ?? []) {
        const m = /^offers[.[](\d+)/.exec(p.field);
        const plan = m ? plans[Number(m[1])] : undefined;
        if (plan) byRow[plan.variantId] = [...(byRow[plan.variantId] ?? []), p.message];
        else general.push(p);
      }
      setRowProblems(byRow);
      return setRefusal({ ...refused, problems: general });
    }
    if (data?.publishOffers.__typename === "OffersPublished") {
      setDrafts({});
      setPublished(data.publishOffers.offers.length);
    }
  }

  return (
    <div className="stack">
      <p className="muted">{editable ? t("cycles.offersLead") : t("cycles.offersReadOnly")}</p>
      <div className="table-wrap">
        <table data-testid="offers">
          <thead>
            <tr>
              <th scope="col">{t("cycles.variant")}</th>
              <th scope="col" className="num">
                {t("cycles.declared")}
              </th>
              <th scope="col">{t("cycles.consumerPrice")}</th>
              <th scope="col">{t("cycles.producerPrice")}</th>
              <th scope="col">{t("cycles.buffer")}</th>
              <th scope="col" className="num">
                {t("cycles.onOffer")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const draft = draftOf(r.variantId);
              const offer = offerOf.get(r.variantId);
              const name = `${pick(language, r.productNameZh, r.productNameEn)} · ${pick(language, r.variantNameZh, r.variantNameEn)}`;
              const problems = rowProblems[r.variantId];
              return (
                <tr key={r.variantId}>
                  <th scope="row" lang={language === "en" ? undefined : "zh-CN"}>
                    {name}
                    {problems && (
                      <span className="field-problem" role="alert">
                        {problems.join(" ")}
                      </span>
                    )}
                  </th>
                  <td className="num">{r.declared}</td>
                  <td>
                    <input
                      className="money"
                      inputMode="decimal"
                      aria-label={`${name} ${t("cycles.consumerPrice")}`}
                      value={draft.price}
                      placeholder="¥"
                      disabled={!editable}
                      onChange={(e) => edit(r.variantId, "price", e.target.value)}
                    />
                  </td>
                  <td>
                    <input
                      className="money"
                      inputMode="decimal"
                      aria-label={`${name} ${t("cycles.producerPrice")}`}
                      value={draft.producerPrice}
                      placeholder="¥"
                      disabled={!editable}
                      onChange={(e) => edit(r.variantId, "producerPrice", e.target.value)}
                    />
                  </td>
                  <td>
                    <input
                      className="units"
                      inputMode="numeric"
                      aria-label={`${name} ${t("cycles.buffer")}`}
                      value={draft.buffer}
                      disabled={!editable}
                      onChange={(e) => edit(r.variantId, "buffer", e.target.value)}
                    />
                  </td>
                  <td className="num">
                    {offer ? `${offer.quantityTotal} · ${formatFen(offer.priceFen)}` : "—"}
                  </td>
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr>
                <td colSpan={6}>{t("cycles.noDeclarations")}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {refusal && <ErrorResultMessage error={refusal} />}
      {error && <Failed error={error} />}
      {published !== null && (
        <p className="notice" role="status">
          {t("cycles.published", { n: published })}{" "}
          <Link to={`/cycles/${cycle.id}`}>{t("cycles.backToBoard", { code: cycle.code })}</Link>
        </p>
      )}
      {editable && (
        <div className="row">
          <button
            type="button"
            className="primary big"
            disabled={loading}
            onClick={() => void submit()}
          >
            {loading ? t("state.saving") : t("cycles.publish")}
          </button>
        </div>
      )}
    </div>
  );
}
