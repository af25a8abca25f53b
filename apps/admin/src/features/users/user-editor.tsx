import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { type AdminErrorResult, ErrorResultMessage } from "../../components/error-result.js";
import type { Role, UserFieldsFragment } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { SavedNotice } from "../../lib/form-fields.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { type GroupChoice, GroupChecks } from "./group-checks.js";
import {
  ChangeUserRoleMutation,
  DeactivateUserMutation,
  ReactivateUserMutation,
  SetUserProducerGroupsMutation,
} from "./queries.js";
import { PartnerSelect, RoleSelect, STAFF_ROLES, worksForGroups } from "./role-select.js";

/**
 * What an admin may do with one account: give it another role, set the producer groups of staff
 * and finance, deactivate or reactivate it. The API refuses your own account and the last admin;
 * each refusal is shown in words and the choices stay as made.
 */
export function UserEditor({
  user,
  groups,
  partners,
}: {
  user: UserFieldsFragment;
  groups: readonly GroupChoice[];
  partners: readonly { id: string; name: string }[];
}) {
  const { t } = useT();
  const [role, setRole] = useState<Role>(user.role);
  const [partnerId, setPartnerId] = useState(user.partnerOrganisationId ?? "");
  const [groupIds, setGroupIds] = useState<string[]>(user.producerGroupIds);
  const [refusal, setRefusal] = useState<AdminErrorResult | null>(null);
  const [done, setDone] = useState("");
  const [changeRole] = useMutation(ChangeUserRoleMutation);
  const [setGroups] = useMutation(SetUserProducerGroupsMutation);
  const [deactivate] = useMutation(DeactivateUserMutation);
  const [reactivate] = useMutation(ReactivateUserMutation);
  const [busy, setBusy] = useState(false);

  /** Runs one change; shows its refusal, or `doneKey` once it succeeded. */
  async function run(change: Promise<unknown>, doneKey: string) {
    setBusy(true);
    setRefusal(null);
    setDone("");
    const refused = refusalOf(await change, t);
    setBusy(false);
    setRefusal(refused);
    if (!refused) setDone(t(doneKey));
  }

  return (
    <div className="stack user-editor">
      {user.role !== "CONSUMER" && (
        <div className="row">
          <RoleSelect
            label={t("users.edit.roleTitle")}
            roles={STAFF_ROLES}
            value={role}
            onChange={(r) => setRole(r || user.role)}
          />
          {role === "PARTNER" && (
            <PartnerSelect
              label={t("users.create.partner")}
              partners={partners}
              value={partnerId}
              onChange={setPartnerId}
            />
          )}
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(
                settle(
                  changeRole({
                    variables: {
                      userId: user.id,
                      role,
                      partnerOrganisationId: role === "PARTNER" ? partnerId || null : null,
                    },
                  }),
                ).then((d) => d?.changeUserRole),
                "users.edit.roleChanged",
              )
            }
          >
            {t("users.edit.changeRole")}
          </button>
        </div>
      )}
      {worksForGroups(user.role) && (
        <>
          <GroupChecks
            legend={t("users.edit.groupsTitle")}
            groups={groups}
            chosen={groupIds}
            onChange={setGroupIds}
          />
          <div className="row">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                run(
                  settle(
                    setGroups({ variables: { userId: user.id, producerGroupIds: groupIds } }),
                  ).then((d) => d?.setUserProducerGroups),
                  "users.edit.groupsSaved",
                )
              }
            >
              {t("users.edit.saveGroups")}
            </button>
          </div>
        </>
      )}
      <div className="row">
        {user.active ? (
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(t("users.edit.confirmDeactivate", { name: user.displayName })))
                return;
              void run(
                settle(deactivate({ variables: { userId: user.id } })).then(
                  (d) => d?.deactivateUser,
                ),
                "users.edit.deactivated",
              );
            }}
          >
            {t("users.edit.deactivate")}
          </button>
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              run(
                settle(reactivate({ variables: { userId: user.id } })).then(
                  (d) => d?.reactivateUser,
                ),
                "users.edit.reactivated",
              )
            }
          >
            {t("users.edit.reactivate")}
          </button>
        )}
      </div>
      {refusal && <ErrorResultMessage error={refusal} />}
      <SavedNotice show={!!done}>{done}</SavedNotice>
    </div>
  );
}
