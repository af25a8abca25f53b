import { useMutation } from "@apollo/client/react";
import { Link, useNavigate } from "react-router";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { ProductForm, productInput } from "./product-form.js";
import { CreateProductMutation } from "./queries.js";

/** A new product; goes on to its page (to add variants) once created. */
export function ProductNew() {
  const { t } = useT();
  const navigate = useNavigate();
  const [create] = useMutation(CreateProductMutation, {
    update: (cache) => evictRootFields(cache, ["products"]),
  });
  return (
    <section className="stack">
      <p>
        <Link to="..">{t("catalog.back")}</Link>
      </p>
      <h1>{t("catalog.product.createTitle")}</h1>
      <ProductForm
        initial={{
          nameZh: "",
          nameEn: "",
          category: "VEGETABLES",
          seasonMonths: [],
          descriptionZh: "",
          descriptionEn: "",
        }}
        submitLabel={t("catalog.product.create")}
        save={async (draft) => {
          const data = await settle(create({ variables: { input: productInput(draft) } }));
          const answer = data?.createProduct;
          const refused = refusalOf(answer, t);
          if (!refused && answer?.__typename === "Product") void navigate(`../${answer.id}`);
          return refused;
        }}
      />
    </section>
  );
}
