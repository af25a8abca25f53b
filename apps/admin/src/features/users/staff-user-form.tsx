import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import type { Role } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { evictRootFields } from "../../lib/apollo.js";
import { FormFooter, useDraftForm } from "../../lib/draft-form.js";
import { SavedNotice, TextField } from "../../lib/form-fields.js";
import { refusalOf, settle } from "../../lib/outcome.js";
import { type GroupChoice, GroupChecks } from "./group-checks.js";
import { CreateStaffUserMutation } from "./queries.js";
import { PartnerSelect, RoleSelect, STAFF_ROLES, worksForGroups } from "./role-select.js";

/** The new-account form before anything is typed. */
const EMPTY_STAFF_USER = {
  displayName: "",
  email: "",
  phone: "",
  password: "",
  role: "STAFF" as Role,
  producerGroupIds: [] as string[],
  partnerOrganisationId: "",
};

/**
 * A new STAFF, FINANCE, ADMIN or PARTNER account with an initial password. The producer groups
 * are asked for staff and finance, the organisation for partners. A refusal (e-mail taken, weak
 * password, …) is shown in words and the form keeps what was typed; a success empties it.
 */
export function StaffUserForm({
  groups,
  partners,
}: {
  groups: readonly GroupChoice[];
  partners: readonly { id: string; name: string }[];
}) {
  const { t } = useT();
  const { draft, setDraft, set, field, refusal, busy, onSubmit } = useDraftForm(EMPTY_STAFF_USER);
  const [created, setCreated] = useState("");
  const [create] = useMutation(CreateStaffUserMutation, {
    update: (cache) => evictRootFields(cache, ["users"]),
  });
  const submit = onSubmit(async () => {
    setCreated("");
    const data = await settle(
      create({
        variables: {
          input: {
            displayName: draft.displayName,
            email: draft.email.trim() || null,
            phone: draft.phone.trim() || null,
            password: draft.password,
            role: draft.role,
            producerGroupIds: worksForGroups(draft.role) ? draft.producerGroupIds : null,
            partnerOrganisationId:
              draft.role === "PARTNER" ? draft.partnerOrganisationId || null : null,
          },
        },
      }),
    );
    const refused = refusalOf(data?.createStaffUser, t);
    if (!refused) {
      setCreated(draft.displayName);
      setDraft(EMPTY_STAFF_USER);
    }
    return refused;
  });

  return (
    <form className="stack narrow-form" onSubmit={submit} aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t("users.create.title")}</h2>
      <div className="row">
        <TextField label={t("users.create.displayName")} {...field("displayName")} />
        <RoleSelect
          label={t("users.role")}
          roles={STAFF_ROLES}
          value={draft.role}
          onChange={(r) => set("role", r || "STAFF")}
        />
      </div>
      <div className="row">
        <TextField
          label={t("users.create.email")}
          {...field("email")}
          type="email"
          autoComplete="off"
        />
        <TextField label={t("users.create.phone")} {...field("phone")} type="tel" />
        <TextField
          label={t("users.create.password")}
          {...field("password")}
          type="password"
          autoComplete="new-password"
        />
      </div>
      {worksForGroups(draft.role) && (
        <GroupChecks
          legend={t("users.create.groups")}
          groups={groups}
          chosen={draft.producerGroupIds}
          onChange={(ids) => set("producerGroupIds", ids)}
        />
      )}
      {draft.role === "PARTNER" && (
        <PartnerSelect
          label={t("users.create.partner")}
          partners={partners}
          value={draft.partnerOrganisationId}
          onChange={(id) => set("partnerOrganisationId", id)}
        />
      )}
      <SavedNotice show={!!created}>{t("users.create.created", { name: created })}</SavedNotice>
      <FormFooter refusal={refusal} busy={busy} label={t("users.create.submit")} />
    </form>
  );
}
