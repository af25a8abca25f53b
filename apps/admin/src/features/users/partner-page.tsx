import { useMutation, useQuery } from "@apollo/client/react";
import { QueryState } from "@nested/web-kit";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorResultMessage, errorResultOf } from "../../components/error-result.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { SavedNotice } from "../../lib/form-fields.js";
import { langOf } from "../../lib/lang-of.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { ApiKeys } from "./api-keys.js";
import { PartnerForm } from "./partner-form.js";
import { PartnerQuery, UpdatePartnerMutation, UserChoicesQuery } from "./queries.js";

/** One partner organisation: its name, k and groups to change, and its API keys. */
export function PartnerPage() {
  const { t } = useT();
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(PartnerQuery, { variables: { id } });
  const choices = useQuery(UserChoicesQuery);
  const [saved, setSaved] = useState(false);
  const [update] = useMutation(UpdatePartnerMutation, {
    update: (cache) => evictRootFields(cache, ["partnerOrganisations"]),
  });
  const answer = data?.partnerOrganisationDetail;
  const missing = errorResultOf(answer);
  const partner = answer?.__typename === "PartnerOrganisationDetail" ? answer : null;
  return (
    <section className="stack">
      <p>
        <Link to=".." relative="path">
          {t("users.partners.title")}
        </Link>
      </p>
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!data} />
      {missing && <ErrorResultMessage error={missing} />}
      {partner && (
        <>
          <h1 lang={langOf(partner.name)}>{partner.name}</h1>
          <h2>{t("users.partners.editTitle")}</h2>
          {choices.data && (
            <PartnerForm
              key={partner.id}
              initial={{
                name: partner.name,
                suppressionK: String(partner.suppressionK),
                producerGroupIds: partner.producerGroupIds,
              }}
              groups={choices.data.producerGroups}
              submitLabel={t("users.partners.save")}
              save={async (input) => {
                setSaved(false);
                const result = await settle(update({ variables: { id: partner.id, input } }));
                const refused = refusalOf(result?.updatePartnerOrganisation, t);
                setSaved(!refused);
                return refused;
              }}
            />
          )}
          <SavedNotice show={saved}>{t("state.saved")}</SavedNotice>
          <ApiKeys partner={partner} />
        </>
      )}
    </section>
  );
}
