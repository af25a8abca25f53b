import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { ErrorResultMessage, type ShopErrorResult } from "../components/error-result.js";
import { Failed, QueryState } from "@nested/web-kit";
import { graphql } from "../gql/index.js";
import { useT } from "../i18n/index.js";
import { dateOnly, dateTime, pick } from "../lib/format.js";
import { useViewer } from "./viewer.js";

const AccountQuery = graphql(`
  query Account {
    myInvitationCodes {
      code
      state
      createdAt
      expiresAt
      usedAt
    }
  }
`);

const PickupPointsQuery = graphql(`
  query PickupPoints {
    pickupPoints {
      id
      producerGroupId
      nameZh
      nameEn
    }
  }
`);

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignedIn {
        viewer {
          id
        }
      }
      ... on ErrorResult {
        ...ErrorFields
      }
    }
  }
`);

const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on SignedIn {
        viewer {
          id
        }
      }
      ... on ErrorResult {
        ...ErrorFields
      }
    }
  }
`);

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

const UpdateProfileMutation = graphql(`
  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {
    updateMyProfile(input: $input) {
      __typename
      ... on MyHouseholdProfile {
        displayName
        defaultPickupPoint {
          id
        }
      }
      ... on ErrorResult {
        ...ErrorFields
      }
    }
  }
`);

const CreateCodeMutation = graphql(`
  mutation CreateInvitationCode {
    createInvitationCode {
      __typename
      ... on InvitationCode {
        code
        state
        createdAt
        expiresAt
        usedAt
      }
      ... on ErrorResult {
        ...ErrorFields
      }
    }
  }
`);

function SignInForm() {
  const { t } = useT();
  const client = useApolloClient();
  const [refusal, setRefusal] = useState<ShopErrorResult | null>(null);
  const [signIn, state] = useMutation(SignInMutation);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await signIn({
      variables: {
        input: { login: String(form.get("login")), password: String(form.get("password")) },
      },
    }).catch(() => null);
    const answer = result?.data?.signIn;
    if (answer?.__typename === "SignedIn") await client.resetStore();
    else if (answer) setRefusal(answer as ShopErrorResult);
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="signin-title">
      <h2 id="signin-title">{t("account.signIn")}</h2>
      <label htmlFor="login">{t("account.login")}</label>
      <input id="login" name="login" autoComplete="username" required />
      <label htmlFor="password">{t("account.password")}</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      {refusal && <ErrorResultMessage error={refusal} />}
      {state.error && <Failed error={state.error} />}
      <button type="submit" className="primary" disabled={state.loading}>
        {t("account.signIn")}
      </button>
    </form>
  );
}

function RegisterForm() {
  const { t } = useT();
  const client = useApolloClient();
  const [refusal, setRefusal] = useState<ShopErrorResult | null>(null);
  const [register, state] = useMutation(RegisterMutation);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || null;
    const result = await register({
      variables: {
        input: {
          invitationCode: text("code") ?? "",
          displayName: text("displayName") ?? "",
          email: text("email"),
          phone: text("phone"),
          password: String(form.get("newPassword") ?? ""),
        },
      },
    }).catch(() => null);
    const answer = result?.data?.register;
    if (answer?.__typename === "SignedIn") await client.resetStore();
    else if (answer) setRefusal(answer as ShopErrorResult);
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="register-title">
      <h2 id="register-title">{t("account.register")}</h2>
      <p className="small">{t("account.registerLead")}</p>
      <label htmlFor="code">{t("account.code")}</label>
      <input id="code" name="code" required autoComplete="off" />
      <label htmlFor="displayName">{t("account.displayName")}</label>
      <input id="displayName" name="displayName" required maxLength={100} />
      <label htmlFor="email">{t("account.email")}</label>
      <input id="email" name="email" type="email" autoComplete="email" />
      <label htmlFor="phone">{t("account.phone")}</label>
      <input id="phone" name="phone" type="tel" autoComplete="tel" />
      <label htmlFor="newPassword">{t("account.newPassword")}</label>
      <input
        id="newPassword"
        name="newPassword"
        type="password"
        minLength={8}
        autoComplete="new-password"
        required
      />
      {refusal && <ErrorResultMessage error={refusal} />}
      {state.error && <Failed error={state.error} />}
      <button type="submit" className="primary" disabled={state.loading}>
        {t("account.register")}
      </button>
    </form>
  );
}

/** Account: sign in or register; signed in, the profile, default pickup point and invitation codes. */
export function AccountPage() {
  const { t, language } = useT();
  const client = useApolloClient();
  const { me, profile, viewer } = useViewer();
  const result = useQuery(AccountQuery, { skip: !me });
  const pickupPoints = useQuery(PickupPointsQuery, { skip: !me });
  const [signOut] = useMutation(SignOutMutation);
  const [update, updating] = useMutation(UpdateProfileMutation);
  const [createCode, creating] = useMutation(CreateCodeMutation, {
    update: (cache, { data }) => {
      if (data?.createInvitationCode.__typename !== "InvitationCode") return;
      const code = data.createInvitationCode;
      cache.updateQuery({ query: AccountQuery }, (old) =>
        old ? { ...old, myInvitationCodes: [code, ...old.myInvitationCodes] } : old,
      );
    },
  });
  const [refusal, setRefusal] = useState<ShopErrorResult | null>(null);
  const [saved, setSaved] = useState(false);
  if (!viewer.data)
    return (
      <>
        <h1>{t("account.title")}</h1>
        <QueryState {...viewer} retry={() => void viewer.refetch()} hasData={false} />
      </>
    );
  if (!me)
    return (
      <>
        <h1>{t("account.title")}</h1>
        <div className="two">
          <SignInForm />
          <RegisterForm />
        </div>
      </>
    );
  const points = (pickupPoints.data?.pickupPoints ?? []).filter(
    (p) => !profile || p.producerGroupId === profile.producerGroupId,
  );
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p>
        {t("account.signedInAs")} <strong lang="zh-CN">{me.displayName}</strong>
      </p>
      {profile && (
        <form
          className="panel"
          aria-labelledby="profile-title"
          onSubmit={async (event) => {
            event.preventDefault();
            setSaved(false);
            const form = new FormData(event.currentTarget);
            const answer = (
              await update({
                variables: {
                  input: {
                    displayName: String(form.get("profileName")),
                    defaultPickupPointId: String(form.get("defaultPickup")) || null,
                  },
                },
              }).catch(() => null)
            )?.data?.updateMyProfile;
            if (answer?.__typename === "MyHouseholdProfile") {
              setRefusal(null);
              setSaved(true);
            } else if (answer) setRefusal(answer as ShopErrorResult);
          }}
        >
          <h2 id="profile-title">{t("account.profile")}</h2>
          <p className="small">
            {t("account.group")} <span lang="zh-CN">{profile.consumerGroupName}</span> ·{" "}
            {t("account.joined", { when: dateOnly(profile.joinedAt, language) })}
          </p>
          <label htmlFor="profileName">{t("account.displayName")}</label>
          <input
            id="profileName"
            name="profileName"
            defaultValue={profile.displayName}
            required
            maxLength={100}
          />
          <label htmlFor="defaultPickup">{t("account.defaultPickup")}</label>
          <select
            id="defaultPickup"
            name="defaultPickup"
            defaultValue={profile.defaultPickupPoint?.id ?? ""}
          >
            <option value="">{t("cart.choosePickup")}</option>
            {points.map((p) => (
              <option key={p.id} value={p.id}>
                {pick(language, p.nameZh, p.nameEn)}
              </option>
            ))}
          </select>
          {refusal && <ErrorResultMessage error={refusal} />}
          {saved && <p role="status">{t("account.saved")}</p>}
          <button type="submit" disabled={updating.loading}>
            {t("account.save")}
          </button>
        </form>
      )}
      {profile && (
        <section className="panel" aria-labelledby="codes-title">
          <h2 id="codes-title">{t("account.codes")}</h2>
          <p className="small">{t("account.codesLead")}</p>
          <ul>
            {(result.data?.myInvitationCodes ?? []).map((c) => (
              <li key={c.code}>
                <code>{c.code}</code> · {t(`codeState.${c.state}`)} ·{" "}
                {t("account.expires", { when: dateTime(c.expiresAt, language) })}
              </li>
            ))}
          </ul>
          <button
            type="button"
            disabled={creating.loading}
            onClick={async () => {
              const answer = (await createCode().catch(() => null))?.data?.createInvitationCode;
              if (answer && answer.__typename !== "InvitationCode")
                setRefusal(answer as ShopErrorResult);
            }}
          >
            {t("account.newCode")}
          </button>
        </section>
      )}
      <button
        type="button"
        onClick={async () => {
          await signOut().catch(() => null);
          await client.resetStore();
        }}
      >
        {t("account.signOut")}
      </button>
    </>
  );
}
