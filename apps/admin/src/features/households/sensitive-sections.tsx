import { moneyGrouped } from "@nested/domain";
import { TableHead } from "./table-head.js";
import { useT } from "../../i18n/index.js";
import { useViewer } from "../../lib/viewer.js";
import type { HouseholdDetail } from "./household-sections.js";
import { yearRows } from "./year-rows.js";

/** "Not shown to your role (工作人员)" in place of a sensitive value the API withheld. */
function NotShown() {
  const { t } = useT();
  const { viewer } = useViewer();
  const role = viewer ? t(`role.${viewer.role}`) : "";
  return <span className="muted not-shown">{t("households.page.notShown", { role })}</span>;
}

/**
 * Members, causes of poverty, ID card and bank account: the values for roles holding
 * household:read-sensitive (each read audited by the API), and in their place a line saying they
 * are not shown to the viewer's role for everyone else (the API answers null then).
 */
export function SensitiveFacts({ household: h }: { household: HouseholdDetail }) {
  const { t } = useT();
  const { viewer } = useViewer();
  const visible = h.sensitiveDataVisible;
  const role = viewer ? t(`role.${viewer.role}`) : "";
  return (
    <section aria-labelledby="household-sensitive" className="sensitive">
      <h2 id="household-sensitive">{t("households.page.sensitive")}</h2>
      <p className="muted small">
        {visible
          ? t("households.page.auditedNote")
          : t("households.page.notShownSection", { role })}
      </p>
      <dl className="facts">
        <div>
          <dt>{t("households.page.idNumber")}</dt>
          <dd>{visible ? (h.idNumber ?? "—") : <NotShown />}</dd>
        </div>
        <div>
          <dt>{t("households.page.bankAccount")}</dt>
          <dd>{visible ? (h.bankAccount ?? "—") : <NotShown />}</dd>
        </div>
        <div>
          <dt>{t("households.page.causes")}</dt>
          <dd>
            {!visible ? (
              <NotShown />
            ) : h.causesOfPoverty && h.causesOfPoverty.length > 0 ? (
              h.causesOfPoverty.map((cause, i) => (
                <span key={cause}>
                  {i > 0 && ", "}
                  {/^[A-Z_]+$/.test(cause) ? (
                    t(`households.cause.${cause}`, { defaultValue: cause })
                  ) : (
                    <span lang="zh-CN">{cause}</span>
                  )}
                </span>
              ))
            ) : (
              "—"
            )}
          </dd>
        </div>
      </dl>
      <h3>{t("households.page.members")}</h3>
      {!visible || !h.members ? (
        <p>
          <NotShown />
        </p>
      ) : h.members.length === 0 ? (
        <p className="muted">{t("households.page.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <TableHead
              columns={[
                "households.page.relation",
                "households.page.sex",
                "households.page.birthYear#",
                "households.page.healthNote",
                "households.page.disability",
                "households.page.migrantWorker",
              ]}
            />
            <tbody>
              {h.members.map((m) => (
                <tr key={m.id}>
                  <td>{t(`households.relation.${m.relation}`)}</td>
                  <td>{t(`households.sex.${m.sex}`)}</td>
                  <td className="num">{m.birthYear ?? "—"}</td>
                  <td lang="zh-CN">{m.healthNote ?? "—"}</td>
                  <td lang="zh-CN">{m.disability ?? "—"}</td>
                  <td>{m.migrantWorker ? t("households.list.yes") : t("households.list.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * Poverty status and per-capita net income by year, each beside that year's official poverty line
 * (yuan per person per year) and the difference; sensitive, so "not shown to your role" without
 * household:read-sensitive.
 */
export function HouseholdYears({ household: h }: { household: HouseholdDetail }) {
  const { t, language } = useT();
  // Whole yuan per person per year, written as money like every amount (¥2,855.00).
  const yuan = (n: number) => moneyGrouped(n * 100, language);
  return (
    <section aria-labelledby="household-years">
      <h2 id="household-years">{t("households.page.years")}</h2>
      {!h.sensitiveDataVisible || !h.years ? (
        <p>
          <NotShown />
        </p>
      ) : h.years.length === 0 ? (
        <p className="muted">{t("households.page.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <TableHead
              columns={[
                "households.page.year",
                "households.page.povertyStatus",
                "households.page.income#",
                "households.page.line#",
                "households.page.difference#",
              ]}
            />
            <tbody>
              {yearRows(h.years).map((row) => (
                <tr key={row.year}>
                  <th scope="row">{row.year}</th>
                  <td>{t(`households.povertyStatus.${row.povertyStatus}`)}</td>
                  <td className="num">{yuan(row.perCapitaNetIncomeYuan)}</td>
                  <td className="num">
                    {row.lineYuan == null ? (
                      <span className="muted small">{t("households.page.noLine")}</span>
                    ) : (
                      yuan(row.lineYuan)
                    )}
                  </td>
                  <td className="num">
                    {row.differenceYuan == null ? (
                      "—"
                    ) : (
                      <span
                        className={row.differenceYuan < 0 ? "below-line" : "above-line"}
                        title={t(
                          row.differenceYuan < 0
                            ? "households.page.below"
                            : "households.page.atOrAbove",
                        )}
                      >
                        {row.differenceYuan > 0 ? "+" : ""}
                        {yuan(row.differenceYuan)}
                        <span className="visually-hidden">
                          {" "}
                          (
                          {t(
                            row.differenceYuan < 0
                              ? "households.page.below"
                              : "households.page.atOrAbove",
                          )}
                          )
                        </span>
                      </span>
                    )}
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
