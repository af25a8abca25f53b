import { useQuery } from "@apollo/client/react";
import { pick } from "@nested/domain";
import { useState } from "react";
import { Link } from "react-router";
import { PagedTable } from "../../components/paged-table.js";
import type { ProductCategory } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { langOf } from "../../lib/lang-of.js";
import { usePagedFilter } from "../../lib/paged-filter.js";
import { TextField } from "../../lib/form-fields.js";
import { CATEGORIES, EnumSelect } from "./options.js";
import { ProductsQuery } from "./queries.js";
import { ReferencePriceText } from "./reference-price.js";

/** The products by Chinese name with their variants and latest market prices; search and filter. */
export function CatalogList() {
  const { t, language } = useT();
  const pages = usePagedFilter();
  const { page, refilter } = pages;
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState<ProductCategory | "">("");
  const query = useQuery(ProductsQuery, {
    variables: {
      filter: { search: search.trim() || null, category: category || null },
      page,
    },
  });
  const list = query.data?.products;
  return (
    <section className="stack">
      <h1>{t("catalog.title")}</h1>
      <p className="muted">{t("catalog.lead")}</p>
      <div className="row">
        <Link className="button primary" to="new">
          {t("catalog.newProduct")}
        </Link>
        <TextField
          label={t("catalog.search")}
          name="search"
          type="search"
          value={search}
          onChange={refilter(setSearch)}
        />
        <EnumSelect
          label={t("catalog.col.category")}
          name="category"
          group="category"
          values={CATEGORIES}
          anyLabel={t("catalog.allCategories")}
          value={category}
          onChange={refilter<ProductCategory | "">(setCategory)}
        />
      </div>
      <PagedTable
        query={query}
        list={list}
        pages={pages}
        head={
          <>
            <th>{t("catalog.col.name")}</th>
            <th>{t("catalog.col.category")}</th>
            <th>{t("catalog.col.season")}</th>
            <th>{t("catalog.col.variants")}</th>
            <th>{t("catalog.col.reference")}</th>
          </>
        }
        row={(p) => (
          <tr key={p.id}>
            <td lang={langOf(pick(language, p.nameZh, p.nameEn))}>
              <Link to={p.id}>{pick(language, p.nameZh, p.nameEn)}</Link>
            </td>
            <td>{t(`catalog.category.${p.category}`)}</td>
            <td>{p.seasonMonths.map((m) => t("catalog.month", { month: m })).join(" ")}</td>
            <td>
              {p.variants.map((v) => (
                <div key={v.id} lang={langOf(pick(language, v.nameZh, v.nameEn))}>
                  {pick(language, v.nameZh, v.nameEn)}
                </div>
              ))}
            </td>
            <td>
              {p.variants.map((v) => (
                <div key={v.id}>
                  <ReferencePriceText reference={v.referencePrice} />
                </div>
              ))}
            </td>
          </tr>
        )}
      />
    </section>
  );
}
