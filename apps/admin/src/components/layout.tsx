import { useApolloClient, useMutation } from "@apollo/client/react";
import { useEffect } from "react";
import { NavLink, Outlet, useNavigate } from "react-router";
import { graphql } from "../gql/index.js";
import { setLanguage, useT } from "../i18n/index.js";
import { useViewer } from "../lib/viewer.js";
import { NAV_ITEMS } from "./nav-items.js";

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

/**
 * Page frame: skip link, header with the language switch and the signed-in user (sign out),
 * the navigation this user's role may use, and the main landmark.
 */
export function Layout() {
  const { t, language } = useT();
  const { viewer, can, refresh } = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut] = useMutation(SignOutMutation);
  const other = language === "en" ? "zh-CN" : "en";
  useEffect(() => {
    document.title = t("brand");
    document.documentElement.lang = language;
  }, [t, language]);
  return (
    <>
      <a className="skip" href="#main">
        {t("nav.skip")}
      </a>
      <header className="top">
        <NavLink to="/" className="brand">
          {t("brand")}
        </NavLink>
        <div className="top-actions">
          {viewer && (
            <>
              <span className="muted">
                {/* A name from the data: marked Chinese when it is, whatever the page's language. */}
                <span lang={/\p{Script=Han}/u.test(viewer.displayName) ? "zh-CN" : undefined}>
                  {viewer.displayName}
                </span>{" "}
                {t("account.role", { role: t(`role.${viewer.role}`) })}
              </span>
              <button
                type="button"
                onClick={async () => {
                  await signOut().catch(() => undefined);
                  await client.clearStore();
                  await refresh().catch(() => undefined);
                  void navigate("/sign-in");
                }}
              >
                {t("account.signOut")}
              </button>
            </>
          )}
          <button
            type="button"
            className="lang"
            lang={other}
            onClick={() => setLanguage(other)}
            aria-label={other === "en" ? "Switch to English" : "切换到中文"}
          >
            {other === "en" ? "English" : "中文"}
          </button>
        </div>
      </header>
      {viewer && (
        <nav className="nav" aria-label={t("nav.label")}>
          <NavLink to="/" end>
            {t("nav.home")}
          </NavLink>
          {NAV_ITEMS.filter((item) => can(item.permission)).map((item) => (
            <NavLink key={item.to} to={item.to}>
              {t(item.label)}
            </NavLink>
          ))}
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
