import type { Role } from "@nested/domain";
import { FIXTURE_PASSWORD, type Fixture } from "./fixtures";
import type { GraphqlClient, TestApi } from "./test-api";

/** The callers of a permission matrix: anonymous and one signed-in user per fixture role. */
export type Caller = "ANONYMOUS" | Role;

/** Every caller of {@link Caller}, in matrix order. */
export const CALLERS: readonly Caller[] = [
  "ANONYMOUS",
  "CONSUMER",
  "STAFF",
  "FINANCE",
  "ADMIN",
  "PARTNER",
];

/**
 * An admin-API client for `caller`: anonymous, or signed in as the fixture user of that role.
 * A consumer cannot sign in on the admin side (refused like a wrong password), so its client
 * carries a shop session cookie instead — the same cookie a consumer's browser would send.
 */
export async function adminClientFor(
  t: TestApi,
  fixture: Fixture,
  caller: Caller,
): Promise<GraphqlClient> {
  if (caller === "ANONYMOUS") return t.admin();
  if (caller === "CONSUMER") {
    const res = await t.shop().request<{ signIn: { __typename: string; token?: string } }>(
      `mutation($login: String!, $password: String!) {
          signIn(input: { login: $login, password: $password, tokenDelivery: BEARER }) {
            __typename ... on SignedIn { token }
          }
        }`,
      { login: fixture.logins.CONSUMER, password: FIXTURE_PASSWORD },
    );
    const client = t.admin();
    client.bearer = res.body.data?.signIn.token ?? null;
    if (!client.bearer) throw new Error(`consumer sign-in refused: ${JSON.stringify(res.body)}`);
    return client;
  }
  return t.admin().signIn(fixture.logins[caller], FIXTURE_PASSWORD);
}
