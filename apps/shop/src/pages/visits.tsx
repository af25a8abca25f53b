import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorResultMessage, type ShopErrorResult } from "../components/error-result.js";
import { QueryState } from "@nested/web-kit";
import { graphql } from "../gql/index.js";
import { useT } from "../i18n/index.js";
import { evictRootFields } from "../lib/apollo.js";
import { dateTime, pick } from "../lib/format.js";
import { useViewer } from "./viewer.js";

const VisitsQuery = graphql(`
  query Visits {
    upcomingVisits {
      id
      titleZh
      titleEn
      startsAt
      endsAt
      capacity
      placesLeft
      village {
        id
        nameZh
        nameEn
      }
    }
  }
`);

const MySignUpsQuery = graphql(`
  query MyVisitSignUps {
    myVisitSignUps {
      id
      people
      state
      visit {
        id
      }
    }
  }
`);

const SignUpMutation = graphql(`
  mutation SignUpForVisit($id: ID!, $people: Int!) {
    signUpForVisit(trustEventId: $id, people: $people) {
      __typename
      ... on VisitSignUp {
        id
      }
      ... on ErrorResult {
        ...ErrorFields
      }
    }
  }
`);

const CancelSignUpMutation = graphql(`
  mutation CancelVisitSignUp($id: ID!) {
    cancelVisitSignUp(trustEventId: $id) {
      __typename
      ... on VisitSignUp {
        id
        state
      }
      ... on ErrorResult {
        ...ErrorFields
      }
    }
  }
`);

/** Village visits: the upcoming ones, sign up with a number of people, cancel. */
export function VisitsPage() {
  const { t, language } = useT();
  const visits = useQuery(VisitsQuery);
  const signedIn = !!useViewer().me;
  const mine = useQuery(MySignUpsQuery, { skip: !signedIn });
  const [people, setPeople] = useState<Record<string, number>>({});
  const [refusal, setRefusal] = useState<{ visitId: string; error: ShopErrorResult } | null>(null);
  const refresh = {
    update: (cache: Parameters<typeof evictRootFields>[0]) =>
      evictRootFields(cache, ["upcomingVisits", "myVisitSignUps"]),
  };
  const [signUp, signing] = useMutation(SignUpMutation, refresh);
  const [cancel, cancelling] = useMutation(CancelSignUpMutation, refresh);
  const live = new Map(
    (mine.data?.myVisitSignUps ?? [])
      .filter((s) => s.state === "SIGNED_UP")
      .map((s) => [s.visit.id, s]),
  );
  return (
    <>
      <h1>{t("visits.title")}</h1>
      <p className="lead">{t("visits.lead")}</p>
      <QueryState {...visits} retry={() => void visits.refetch()} hasData={!!visits.data} />
      {visits.data && visits.data.upcomingVisits.length === 0 && <p>{t("visits.none")}</p>}
      {visits.data && !signedIn && (
        <p>
          {t("visits.signIn")} <Link to="/account">{t("nav.account")}</Link>
        </p>
      )}
      <ul className="cards wide">
        {visits.data?.upcomingVisits.map((v) => {
          const mineHere = live.get(v.id);
          return (
            <li key={v.id} className="card">
              <h2>{pick(language, v.titleZh, v.titleEn)}</h2>
              <p>{pick(language, v.village.nameZh, v.village.nameEn)}</p>
              <p className="small">
                {dateTime(v.startsAt, language)} – {dateTime(v.endsAt, language)}
              </p>
              <p className="small">
                {v.placesLeft === null || v.placesLeft === undefined
                  ? t("visits.noLimit")
                  : t("visits.placesLeft", { count: v.placesLeft })}
              </p>
              {mineHere && (
                <p className="badge">{t("visits.signedUp", { count: mineHere.people })}</p>
              )}
              {refusal?.visitId === v.id && <ErrorResultMessage error={refusal.error} />}
              {signedIn && !mineHere && (
                <form
                  className="row"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    setRefusal(null);
                    const result = await signUp({
                      variables: { id: v.id, people: people[v.id] ?? 1 },
                    }).catch(() => null);
                    const answer = result?.data?.signUpForVisit;
                    if (answer && answer.__typename !== "VisitSignUp")
                      setRefusal({ visitId: v.id, error: answer as ShopErrorResult });
                  }}
                >
                  <label htmlFor={`p-${v.id}`}>{t("visits.people")}</label>
                  <input
                    id={`p-${v.id}`}
                    className="qty"
                    type="number"
                    min={1}
                    max={10}
                    value={people[v.id] ?? 1}
                    onChange={(e) => setPeople({ ...people, [v.id]: Number(e.target.value) })}
                  />
                  <button type="submit" disabled={signing.loading}>
                    {t("visits.signUp")}
                  </button>
                </form>
              )}
              {mineHere && (
                <button
                  type="button"
                  disabled={cancelling.loading}
                  onClick={async () => {
                    setRefusal(null);
                    const result = await cancel({ variables: { id: v.id } }).catch(() => null);
                    const answer = result?.data?.cancelVisitSignUp;
                    if (answer && answer.__typename !== "VisitSignUp")
                      setRefusal({ visitId: v.id, error: answer as ShopErrorResult });
                  }}
                >
                  {t("visits.cancel")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
