import { pick, shortDate } from "@nested/domain";
import type { HouseholdQuery } from "../../gql/graphql.js";
import { TableHead } from "./table-head.js";
import { useT } from "../../i18n/index.js";
import { RESOURCE_KEYS } from "./edit-draft.js";

/** The household as the household page's query gives it. */
export type HouseholdDetail = Extract<HouseholdQuery["household"], { __typename: "Household" }>;

/** Code, village, head, size, poverty registration and membership of a household. */
export function HouseholdBasics({ household: h }: { household: HouseholdDetail }) {
  const { t, language } = useT();
  const rows: [string, React.ReactNode][] = [
    [
      t("households.page.village"),
      <span lang={language === "en" ? "en" : "zh-CN"}>
        {pick(language, h.village.nameZh, h.village.nameEn)}
      </span>,
    ],
    [t("households.page.headSex"), t(`households.sex.${h.headSex}`)],
    [t("households.page.headAgeBand"), t(`households.ageBand.${h.headAgeBand}`)],
    [t("households.page.size"), h.size],
    [
      t("households.page.registeredPoor"),
      h.registeredPoor ? t("households.list.yes") : t("households.list.no"),
    ],
    [
      t("households.page.membership"),
      h.membershipState
        ? t(`households.membership.${h.membershipState}`)
        : t("households.list.none"),
    ],
    [t("households.page.joinedOn"), h.joinedOn ? shortDate(h.joinedOn, language) : "—"],
    [t("households.page.leftOn"), h.leftOn ? shortDate(h.leftOn, language) : "—"],
    [
      t("households.page.displayName"),
      h.displayName ? <span lang="zh-CN">{h.displayName}</span> : "—",
    ],
  ];
  return (
    <section aria-labelledby="household-basics">
      <h2 id="household-basics">{t("households.page.basics")}</h2>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Hens, pigs, goats, trees, beehives and land; "not surveyed" where nothing is recorded. */
export function HouseholdResources({ household: h }: { household: HouseholdDetail }) {
  const { t } = useT();
  return (
    <section aria-labelledby="household-resources">
      <h2 id="household-resources">{t("households.page.resources")}</h2>
      <dl className="facts">
        {RESOURCE_KEYS.map((key) => {
          const value = h.livelihoodResources[key];
          return (
            <div key={key}>
              <dt>{t(`households.resource.${key}`)}</dt>
              <dd>
                {value == null ? (
                  <span className="muted">{t("households.page.notSurveyed")}</span>
                ) : (
                  value
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** The consents a household gave (general, sensitive data, public profile) and how. */
export function HouseholdConsents({ household: h }: { household: HouseholdDetail }) {
  const { t, language } = useT();
  return (
    <section aria-labelledby="household-consents">
      <h2 id="household-consents">{t("households.page.consents")}</h2>
      {h.consents.length === 0 ? (
        <p className="muted">{t("households.page.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <TableHead
              columns={[
                "households.page.consentKind",
                "households.page.grantedOn",
                "households.page.method",
                "households.page.withdrawnOn",
              ]}
            />
            <tbody>
              {h.consents.map((c) => (
                <tr key={c.id}>
                  <td>{t(`households.consentKind.${c.kind}`)}</td>
                  <td>{shortDate(c.grantedOn, language)}</td>
                  <td>{t(`households.consentMethod.${c.method}`)}</td>
                  <td>
                    {c.withdrawnOn
                      ? shortDate(c.withdrawnOn, language)
                      : t("households.page.inForce")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
