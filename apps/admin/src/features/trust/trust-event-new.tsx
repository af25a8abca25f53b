import { useMutation, useQuery } from "@apollo/client/react";
import { pick } from "@nested/domain";
import { QueryState } from "@nested/web-kit";
import { Link, useNavigate } from "react-router";
import { evictRootFields } from "../../lib/apollo.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { useT } from "../../i18n/index.js";
import { ProducerGroupChoicesQuery } from "../../lib/documents/producer-groups.js";
import { CreateTrustEventMutation } from "./queries.js";
import { TrustEventForm } from "./trust-event-form.js";

/** A new trust event of one of the caller's groups; goes on to its page once created. */
export function TrustEventNew() {
  const { t, language } = useT();
  const navigate = useNavigate();
  const groups = useQuery(ProducerGroupChoicesQuery);
  const [create] = useMutation(CreateTrustEventMutation, {
    update: (cache) => evictRootFields(cache, ["trustEvents"]),
  });
  const list = groups.data?.producerGroups;
  return (
    <section className="stack">
      <p>
        <Link to="..">{t("trust.back")}</Link>
      </p>
      <h1>{t("trust.form.createTitle")}</h1>
      <QueryState
        loading={groups.loading}
        error={groups.error}
        retry={() => void groups.refetch()}
        hasData={!!list}
      />
      {list && (
        <TrustEventForm
          groups={list.map((g) => ({ id: g.id, name: pick(language, g.nameZh, g.nameEn) }))}
          initial={{
            producerGroupId: list[0]?.id ?? "",
            kind: "VILLAGE_VISIT",
            titleZh: "",
            titleEn: "",
            startsAt: "",
            endsAt: "",
            capacity: "",
            openToConsumers: true,
            notes: "",
          }}
          submitLabel={t("trust.form.create")}
          save={async (fields, draft) => {
            const data = await settle(
              create({
                variables: {
                  input: { ...fields, producerGroupId: draft.producerGroupId, kind: draft.kind },
                },
              }),
            );
            const answer = data?.createTrustEvent;
            const refused = refusalOf(answer, t);
            if (!refused && answer?.__typename === "TrustEvent") void navigate(`../${answer.id}`);
            return refused;
          }}
        />
      )}
    </section>
  );
}
