import { useQuery } from "@apollo/client/react";
import { dateTime, pick } from "@nested/domain";
import { useState } from "react";
import { Link } from "react-router";
import { PagedTable } from "../../components/paged-table.js";
import type { TrustEventKind } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { langOf } from "../../lib/lang-of.js";
import { usePagedFilter } from "../../lib/paged-filter.js";
import { KindSelect } from "./kind-select.js";
import { TrustEventsQuery } from "./queries.js";

/** Where an event stands at instant `now` (ms): cancelled, held (ended) or planned. */
export function eventState(
  event: { cancelledAt?: string | null; endsAt: string },
  now: number,
): "cancelled" | "held" | "planned" {
  if (event.cancelledAt) return "cancelled";
  return new Date(event.endsAt).getTime() < now ? "held" : "planned";
}

/** The trust events of the caller's groups, latest start first, filtered by kind. */
export function TrustEventList() {
  const { t, language } = useT();
  const pages = usePagedFilter();
  const { page, refilter } = pages;
  const [kind, setKind] = useState<TrustEventKind | "">("");
  const query = useQuery(TrustEventsQuery, {
    variables: { filter: kind ? { kind } : null, page },
  });
  const list = query.data?.trustEvents;
  const now = Date.now();
  return (
    <section className="stack">
      <h1>{t("trust.title")}</h1>
      <p className="muted">{t("trust.lead")}</p>
      <div className="row">
        <Link className="button primary" to="new">
          {t("trust.newEvent")}
        </Link>
        <KindSelect
          label={t("trust.filterKind")}
          anyLabel={t("trust.allKinds")}
          value={kind}
          onChange={refilter(setKind)}
        />
      </div>
      <PagedTable
        query={query}
        list={list}
        pages={pages}
        head={
          <>
            <th>{t("trust.col.title")}</th>
            <th>{t("trust.col.kind")}</th>
            <th>{t("trust.col.when")}</th>
            <th>{t("trust.col.village")}</th>
            <th className="num">{t("trust.col.places")}</th>
            <th>{t("trust.col.state")}</th>
          </>
        }
        row={(e) => (
          <tr key={e.id}>
            <td lang={langOf(pick(language, e.titleZh, e.titleEn))}>
              <Link to={e.id}>{pick(language, e.titleZh, e.titleEn)}</Link>
            </td>
            <td>{t(`trust.kind.${e.kind}`)}</td>
            <td>
              {dateTime(e.startsAt, language)} – {dateTime(e.endsAt, language)}
            </td>
            <td lang={langOf(pick(language, e.village.nameZh, e.village.nameEn))}>
              {pick(language, e.village.nameZh, e.village.nameEn)}
            </td>
            <td className="num">
              {e.capacity == null ? t("trust.noLimit") : `${e.placesLeft} / ${e.capacity}`}
            </td>
            <td>{t(`trust.${eventState(e, now)}`)}</td>
          </tr>
        )}
      />
    </section>
  );
}
