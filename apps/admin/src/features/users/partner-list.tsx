import { useMutation, useQuery } from "@apollo/client/react";
import { QueryState } from "@nested/web-kit";
import { Link, useNavigate } from "react-router";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { langOf } from "../../lib/lang-of.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { PartnerForm } from "./partner-form.js";
import { CreatePartnerMutation, UserChoicesQuery } from "./queries.js";

/** Every partner organisation by name with its k and groups; the form for a new one. */
export function PartnerList() {
  const { t } = useT();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(UserChoicesQuery);
  const [create] = useMutation(CreatePartnerMutation, {
    update: (cache) => evictRootFields(cache, ["partnerOrganisations"]),
  });
  const partners = data?.partnerOrganisations;
  return (
    <section className="stack">
      <p>
        <Link to="..">{t("users.usersLink")}</Link>
      </p>
      <h1>{t("users.partners.title")}</h1>
      <p className="muted">{t("users.partners.lead")}</p>
      <QueryState loading={loading} error={error} retry={() => void refetch()} hasData={!!data} />
      {partners && partners.length === 0 && <p className="muted">{t("users.partners.none")}</p>}
      {partners && partners.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("users.partners.name")}</th>
                <th className="num">{t("users.partners.kShort")}</th>
                <th className="num">{t("users.partners.groupCount")}</th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <tr key={p.id}>
                  <td lang={langOf(p.name)}>
                    <Link to={p.id}>{p.name}</Link>
                  </td>
                  <td className="num">{p.suppressionK}</td>
                  <td className="num">{p.producerGroupCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && (
        <>
          <h2>{t("users.partners.createTitle")}</h2>
          <PartnerForm
            initial={{ name: "", suppressionK: "5", producerGroupIds: [] }}
            groups={data.producerGroups}
            submitLabel={t("users.partners.create")}
            save={async (input) => {
              const answer = await settle(create({ variables: { input } }));
              const result = answer?.createPartnerOrganisation;
              const refused = refusalOf(result, t);
              if (!refused && result?.__typename === "PartnerOrganisationDetail") {
                void navigate(result.id);
              }
              return refused;
            }}
          />
        </>
      )}
    </section>
  );
}
