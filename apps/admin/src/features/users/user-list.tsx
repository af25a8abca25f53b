import { useQuery } from "@apollo/client/react";
import { dateOnly } from "@nested/domain";
import { Fragment, useState } from "react";
import { Link } from "react-router";
import { PagedTable } from "../../components/paged-table.js";
import type { Role } from "../../gql/graphql.js";
import { useT } from "../../i18n/index.js";
import { usePagedFilter } from "../../lib/paged-filter.js";
import { TextField } from "../../lib/form-fields.js";
import { langOf } from "../../lib/lang-of.js";
import { groupNames } from "./group-checks.js";
import { UserChoicesQuery, UsersQuery } from "./queries.js";
import { RoleSelect } from "./role-select.js";
import { StaffUserForm } from "./staff-user-form.js";
import { UserEditor } from "./user-editor.js";
import { dialable } from "../../lib/phone.js";

const ALL_ROLES: readonly Role[] = ["CONSUMER", "STAFF", "FINANCE", "ADMIN", "PARTNER"];

/**
 * The accounts by display name — the project's own unless consumers are asked for — searchable
 * and filtered by role, each with its manage panel;
 * below, the form for a new staff account. ADMIN only (user:manage).
 */
export function UserList() {
  const { t, language } = useT();
  const pages = usePagedFilter();
  const { page, refilter } = pages;
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | "">("");
  // The project's own accounts first: consumers (hundreds) only when asked for.
  const [withConsumers, setWithConsumers] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const query = useQuery(UsersQuery, {
    variables: {
      search: search.trim() || null,
      role: role || null,
      staffSide: !role && !withConsumers,
      page,
    },
  });
  const choices = useQuery(UserChoicesQuery);
  const groups = choices.data?.producerGroups ?? [];
  const partners = choices.data?.partnerOrganisations ?? [];
  const list = query.data?.users;
  return (
    <section className="stack">
      <h1>{t("users.title")}</h1>
      <p className="muted">{t("users.lead")}</p>
      <p>
        <Link to="partners">{t("users.partnersLink")}</Link>
      </p>
      <div className="row">
        <TextField
          label={t("users.search")}
          name="search"
          type="search"
          value={search}
          onChange={refilter(setSearch)}
        />
        <RoleSelect
          label={t("users.role")}
          roles={ALL_ROLES}
          anyLabel={t("users.allRoles")}
          value={role}
          onChange={refilter(setRole)}
        />
        {!role && (
          <label className="check-label">
            <input
              type="checkbox"
              name="withConsumers"
              checked={withConsumers}
              onChange={(e) => refilter(setWithConsumers)(e.target.checked)}
            />
            {t("users.withConsumers")}
          </label>
        )}
      </div>
      <PagedTable
        query={query}
        list={list}
        pages={pages}
        head={
          <>
            <th>{t("users.col.name")}</th>
            <th>{t("users.col.contact")}</th>
            <th>{t("users.col.role")}</th>
            <th>{t("users.col.groups")}</th>
            <th>{t("users.col.state")}</th>
            <th>{t("users.col.actions")}</th>
          </>
        }
        row={(u) => (
          <Fragment key={u.id}>
            <tr>
              <td id={`user-name-${u.id}`} lang={langOf(u.displayName)}>
                {u.displayName}
              </td>
              <td>
                {u.email && <div>{u.email}</div>}
                {u.phone && <div>{dialable(u.phone)}</div>}
              </td>
              <td>{t(`role.${u.role}`)}</td>
              <td>
                {u.role === "ADMIN"
                  ? t("users.allGroups")
                  : groupNames(u.producerGroupIds, groups, language)}
              </td>
              <td>
                {u.active
                  ? t("users.active")
                  : t("users.inactive", {
                      day: u.disabledAt ? dateOnly(u.disabledAt, language) : "",
                    })}
              </td>
              <td>
                <button
                  type="button"
                  aria-expanded={open === u.id}
                  id={`user-manage-${u.id}`}
                  aria-labelledby={`user-manage-${u.id} user-name-${u.id}`}
                  onClick={() => setOpen(open === u.id ? null : u.id)}
                >
                  {open === u.id ? t("users.close") : t("users.manage")}
                </button>
              </td>
            </tr>
            {open === u.id && (
              <tr>
                <td colSpan={6}>
                  <UserEditor user={u} groups={groups} partners={partners} />
                </td>
              </tr>
            )}
          </Fragment>
        )}
      />
      <StaffUserForm groups={groups} partners={partners} />
    </section>
  );
}
