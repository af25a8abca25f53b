import type { Role } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { ChoiceField } from "../../lib/form-fields.js";
import { langOf } from "../../lib/lang-of.js";

/** The project-side roles an admin gives (consumers register themselves in the shop). */
export const STAFF_ROLES: readonly Role[] = ["STAFF", "FINANCE", "ADMIN", "PARTNER"];

/** Roles that work for chosen producer groups. */
export function worksForGroups(role: Role | ""): boolean {
  return role === "STAFF" || role === "FINANCE";
}

/** A labelled choice of role; `anyLabel` adds an empty "all roles" choice first. */
export function RoleSelect({
  label,
  value,
  roles,
  onChange,
  anyLabel,
}: {
  label: string;
  value: Role | "";
  roles: readonly Role[];
  onChange(role: Role | ""): void;
  anyLabel?: string;
}) {
  const { t } = useT();
  return (
    <ChoiceField<Role>
      label={label}
      name="role"
      values={roles}
      value={value}
      onChange={onChange}
      text={(r) => t(`role.${r}`)}
      anyLabel={anyLabel}
    />
  );
}

/** A labelled choice of partner organisation (for PARTNER accounts). */
export function PartnerSelect({
  label,
  value,
  partners,
  onChange,
}: {
  label: string;
  value: string;
  partners: readonly { id: string; name: string }[];
  onChange(id: string): void;
}) {
  return (
    <label>
      {label}
      <select name="partnerOrganisationId" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id} lang={langOf(p.name)}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
