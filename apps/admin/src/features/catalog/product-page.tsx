import { useMutation, useQuery } from "@apollo/client/react";
import { pick } from "@nested/domain";
import { QueryState } from "@nested/web-kit";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { type AdminErrorResult, ErrorResultMessage } from "../../components/error-result.js";
import type { ProductFieldsFragment } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { langOf } from "../../lib/lang-of.js";
import { evictRootFields } from "../../lib/apollo.js";
import { SavedNotice } from "../../lib/form-fields.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { CyclePrices } from "./cycle-prices.js";
import { ProductForm, productInput } from "./product-form.js";
import {
  CatalogQuery,
  CreateVariantMutation,
  RemoveProductMutation,
  UpdateProductMutation,
} from "./queries.js";
import { ReferencePriceForm } from "./reference-price-form.js";
import { NEW_VARIANT, VariantForm } from "./variant-form.js";
import { VariantTable } from "./variant-table.js";

/** One product: its details, removal, variants, market prices and our prices beside them. */
export function ProductPage() {
  const { t, language } = useT();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(CatalogQuery);
  const product = data?.products.items.find((p) => p.id === id);
  return (
    <section className="stack">
      <p>
        <Link to="..">{t("catalog.back")}</Link>
      </p>
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!data} />
      {data && !product && (
        <p className="alert" role="alert">
          {t("catalog.notFound")}
        </p>
      )}
      {product && (
        <>
          <h1 lang={langOf(pick(language, product.nameZh, product.nameEn))}>
            {pick(language, product.nameZh, product.nameEn)}
          </h1>
          <ProductDetails key={product.id} product={product} />
          <section className="stack" aria-labelledby="variants-title">
            <h2 id="variants-title">{t("catalog.variant.title")}</h2>
            <VariantTable variants={product.variants} />
            <h3>{t("catalog.variant.addTitle")}</h3>
            <NewVariant productId={product.id} />
          </section>
          <ReferencePriceForm key={product.variants.length} variants={product.variants} />
          <CyclePrices variants={product.variants} />
        </>
      )}
    </section>
  );
}

/** The product's form and its removal (a refusal such as IN_USE shown in words). */
function ProductDetails({ product }: { product: ProductFieldsFragment }) {
  const { t } = useT();
  const navigate = useNavigate();
  const [saved, setSaved] = useState(false);
  const [removal, setRemoval] = useState<AdminErrorResult | null>(null);
  const [update] = useMutation(UpdateProductMutation);
  const [remove, removing] = useMutation(RemoveProductMutation, {
    update: (cache) => evictRootFields(cache, ["products"]),
  });

  async function removeProduct() {
    if (!window.confirm(t("catalog.product.confirmRemove"))) return;
    const data = await settle(remove({ variables: { id: product.id } }));
    const refused = refusalOf(data?.removeProduct, t);
    setRemoval(refused);
    if (!refused) void navigate("..");
  }

  return (
    <>
      <h2>{t("catalog.product.editTitle")}</h2>
      <ProductForm
        initial={{
          nameZh: product.nameZh,
          nameEn: product.nameEn,
          category: product.category,
          seasonMonths: product.seasonMonths,
          descriptionZh: product.descriptionZh ?? "",
          descriptionEn: product.descriptionEn ?? "",
        }}
        submitLabel={t("catalog.product.save")}
        save={async (draft) => {
          setSaved(false);
          const data = await settle(
            update({ variables: { id: product.id, input: productInput(draft) } }),
          );
          const refused = refusalOf(data?.updateProduct, t);
          setSaved(!refused);
          return refused;
        }}
      />
      <SavedNotice show={saved}>{t("state.saved")}</SavedNotice>
      <div className="row">
        <button
          type="button"
          className="danger"
          disabled={removing.loading}
          onClick={removeProduct}
        >
          {t("catalog.product.remove")}
        </button>
      </div>
      {removal && <ErrorResultMessage error={removal} />}
    </>
  );
}

/** The form for a product's next variant; it empties once the variant is added. */
function NewVariant({ productId }: { productId: string }) {
  const { t } = useT();
  const [create] = useMutation(CreateVariantMutation, {
    update: (cache) => evictRootFields(cache, ["products"]),
  });
  return (
    <VariantForm
      initial={NEW_VARIANT}
      resetOnSave
      submitLabel={t("catalog.variant.add")}
      save={async (input) => {
        const data = await settle(create({ variables: { productId, input } }));
        return refusalOf(data?.createVariant, t);
      }}
    />
  );
}
