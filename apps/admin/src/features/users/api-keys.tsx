import { useMutation } from "@apollo/client/react";
import { dateTime } from "@nested/domain";
import { useState } from "react";
import { type AdminErrorResult, ErrorResultMessage } from "../../components/error-result.js";
import type { PartnerDetailFieldsFragment } from "../../gql/graphql.js";
import { RowsTable } from "../../components/paged-table.js";
import { useT } from "../../i18n/index.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { IssueApiKeyMutation, PartnerQuery, RevokeApiKeyMutation } from "./queries.js";

/**
 * A partner's API keys (prefix, issued, last used, revoked) with revoke buttons, and issuing a
 * new key: its secret is shown ONCE, with a copy button and a warning that it cannot be seen
 * again; closing the panel forgets it.
 */
export function ApiKeys({ partner }: { partner: PartnerDetailFieldsFragment }) {
  const { t, language } = useT();
  const refetch = {
    refetchQueries: [{ query: PartnerQuery, variables: { id: partner.id } }],
    awaitRefetchQueries: true,
  };
  const [issue, issuing] = useMutation(IssueApiKeyMutation, refetch);
  const [revoke, revoking] = useMutation(RevokeApiKeyMutation, refetch);
  const [secret, setSecret] = useState<{ key: string; prefix: string } | null>(null);
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);

  async function issueKey() {
    setRefusal(null);
    const data = await settle(issue({ variables: { partnerOrganisationId: partner.id } }));
    const answer = data?.issueApiKey;
    const refused = refusalOf(answer, t);
    setRefusal(refused);
    if (answer?.__typename === "IssuedApiKey")
      setSecret({ key: answer.key, prefix: answer.prefix });
  }

  async function revokeKey(id: string, prefix: string) {
    if (!window.confirm(t("users.keys.confirmRevoke", { prefix }))) return;
    setRefusal(null);
    const data = await settle(revoke({ variables: { id } }));
    if (data === undefined) setRefusal(refusalOf(undefined, t));
    else if (!data.revokeApiKey) {
      setRefusal({ errorCode: "NOT_FOUND", message: t("users.keys.revokeFailed") });
    }
  }

  return (
    <section className="stack" aria-labelledby="keys-title">
      <h2 id="keys-title">{t("users.keys.title")}</h2>
      {secret && <IssuedKey secret={secret} onDone={() => setSecret(null)} />}
      <RowsTable
        items={partner.apiKeys}
        empty={t("users.keys.none")}
        head={
          <>
            <th>{t("users.keys.prefix")}</th>
            <th>{t("users.keys.createdAt")}</th>
            <th>{t("users.keys.lastUsedAt")}</th>
            <th>{t("users.keys.state")}</th>
            <th>{t("users.col.actions")}</th>
          </>
        }
        row={(k) => (
          <tr key={k.id}>
            <td>
              <code>{k.prefix}…</code>
            </td>
            <td>{dateTime(k.createdAt, language)}</td>
            <td>{k.lastUsedAt ? dateTime(k.lastUsedAt, language) : t("users.keys.never")}</td>
            <td>
              {k.revokedAt
                ? t("users.keys.revoked", { when: dateTime(k.revokedAt, language) })
                : t("users.keys.valid")}
            </td>
            <td>
              {!k.revokedAt && (
                <button
                  type="button"
                  className="danger"
                  disabled={revoking.loading}
                  aria-label={`${t("users.keys.revoke")} ${k.prefix}`}
                  onClick={() => revokeKey(k.id, k.prefix)}
                >
                  {t("users.keys.revoke")}
                </button>
              )}
            </td>
          </tr>
        )}
      />
      {refusal && <ErrorResultMessage error={refusal} />}
      <div className="row">
        <button type="button" className="primary" disabled={issuing.loading} onClick={issueKey}>
          {t("users.keys.issue")}
        </button>
      </div>
    </section>
  );
}

/** The one showing of a new key's secret: a warning, the key, a copy button and "done". */
function IssuedKey({
  secret,
  onDone,
}: {
  secret: { key: string; prefix: string };
  onDone(): void;
}) {
  const { t } = useT();
  const [copy, setCopy] = useState<"" | "copied" | "copyFailed">("");
  return (
    <div className="stack issued-key" role="region" aria-labelledby="issued-key-title">
      <h3 id="issued-key-title">{t("users.keys.issuedTitle")}</h3>
      <p className="alert" role="alert">
        {t("users.keys.warning")}
      </p>
      <label>
        {t("users.keys.keyLabel")}
        <output className="secret" data-testid="issued-key">
          {secret.key}
        </output>
      </label>
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={() =>
            navigator.clipboard
              .writeText(secret.key)
              .then(() => setCopy("copied"))
              .catch(() => setCopy("copyFailed"))
          }
        >
          {t("users.keys.copy")}
        </button>
        <button type="button" onClick={onDone}>
          {t("users.keys.done")}
        </button>
        {copy && (
          <span role="status" className={copy === "copied" ? "muted" : "alert"}>
            {t(`users.keys.${copy}`)}
          </span>
        )}
      </div>
    </div>
  );
}
