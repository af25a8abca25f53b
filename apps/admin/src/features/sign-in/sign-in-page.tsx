import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import {
  type AdminErrorResult,
  ErrorResultMessage,
  errorResultOf,
} from "../../components/error-result.js";
import { Failed } from "@nested/web-kit";
import { graphql } from "../../gql/index.js";
import { useT } from "../../i18n/index.js";
import { useViewer } from "../../lib/viewer.js";

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on SignedIn {
        viewer {
          id
          role
        }
      }
      ... on ErrorResult {
        errorCode
        message
      }
    }
  }
`);

/** Only same-site paths are followed after sign-in (`?next=/cycles/…`), never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/**
 * Sign-in for staff, finance, admins and partner users (a session cookie); a wrong password or
 * too many attempts answer in words. Goes on to `?next=` or the home page.
 */
export function SignInPage() {
  const { t } = useT();
  const { viewer, refresh } = useViewer();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [signIn, { loading, error }] = useMutation(SignInMutation);
  const next = safeNext(params.get("next"));
  if (viewer) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRefusal(null);
    const { data } = await signIn({ variables: { input: { login, password } } }).catch(() => ({
      data: undefined,
    }));
    const refused = errorResultOf(data?.signIn);
    if (refused) return setRefusal(refused);
    if (data?.signIn.__typename === "SignedIn") {
      await refresh();
      void navigate(next, { replace: true });
    }
  }

  return (
    <section className="narrow">
      <h1>{t("signIn.title")}</h1>
      <p className="muted">{t("signIn.lead")}</p>
      <form onSubmit={submit} className="stack">
        <label>
          {t("signIn.login")}
          <input
            name="login"
            autoComplete="username"
            required
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
        </label>
        <label>
          {t("signIn.password")}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {refusal && <ErrorResultMessage error={refusal} />}
        {error && <Failed error={error} />}
        <button type="submit" className="primary" disabled={loading}>
          {loading ? t("signIn.busy") : t("signIn.submit")}
        </button>
      </form>
    </section>
  );
}
