import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOut } from "@/app/(signed-in)/account/actions";
import { currentUser } from "@/lib/auth/current-user";
import { can, type Permission } from "@/lib/auth/policy";
import { LanguageSwitcher } from "./LanguageSwitcher";

const LINKS: { href: string; key: "applications" | "review" | "participants" | "assistants" | "audit" | "users" | "accessReview" | "agencies" | "verify" | "dissemination" | "exemptions" | "exemptionReview"; permission: Permission }[] = [
  { href: "/applications", key: "applications", permission: "application:file" },
  { href: "/review", key: "review", permission: "application:review" },
  { href: "/verify", key: "verify", permission: "participant:verify" },
  { href: "/agencies", key: "agencies", permission: "agency:manage" },
  { href: "/dissemination", key: "dissemination", permission: "dissemination:view" },
  { href: "/exemptions", key: "exemptions", permission: "exemption:file" },
  { href: "/exemptions/review", key: "exemptionReview", permission: "exemption:review" },
  { href: "/participants", key: "participants", permission: "participant:view" },
  { href: "/assistants", key: "assistants", permission: "assistant:view" },
  { href: "/audit", key: "audit", permission: "audit:search" },
  { href: "/admin/users", key: "users", permission: "user:manage" },
  { href: "/admin/access-review", key: "accessReview", permission: "user:access-review" },
];

// §5 disclosure requests name their links in their own message namespace.
const DISCLOSURE_LINKS: { href: string; key: "navDisclosures" | "navReleases"; permission: Permission }[] = [
  { href: "/disclosures", key: "navDisclosures", permission: "disclosure:manage" },
  { href: "/releases", key: "navReleases", permission: "disclosure:receive" },
];

export async function SiteHeader() {
  const t = await getTranslations("Shell");
  const nav = await getTranslations("Nav");
  const disclosures = await getTranslations("Disclosures");
  const user = await currentUser();
  // Showing a link is a convenience; every page checks the policy again on the server.
  const links = user && !user.needsMfaEnrolment ? LINKS.filter((l) => can(user, l.permission)) : [];
  const disclosureLinks = user && !user.needsMfaEnrolment ? DISCLOSURE_LINKS.filter((l) => can(user, l.permission)) : [];
  return (
    <header className="usa-header usa-header--basic acp-header">
      <div className="usa-nav-container acp-header__inner">
        <div className="usa-navbar acp-header__navbar">
          <div className="usa-logo acp-header__logo">
            <em className="usa-logo__text">
              <Link href="/" title={t("homeLink")}>
                {t("programName")}
              </Link>
            </em>
            <p className="acp-header__office">{t("officeName")}</p>
          </div>
        </div>
        <LanguageSwitcher />
      </div>
      <nav className="acp-nav" aria-label={nav("label")}>
        <div className="grid-container acp-nav__inner">
          <ul className="acp-nav__list">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href}>{nav(l.key)}</Link>
              </li>
            ))}
            {disclosureLinks.map((l) => (
              <li key={l.href}>
                <Link href={l.href}>{disclosures(l.key)}</Link>
              </li>
            ))}
            {user ? (
              <>
                <li>
                  <Link href="/account">{nav("account")}</Link>
                </li>
                <li className="acp-nav__user">
                  <span>{nav("signedInAs", { name: user.displayName })}</span>
                  <form action={signOut}>
                    <button type="submit" className="usa-button usa-button--unstyled">
                      {nav("signOut")}
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <li>
                <Link href="/sign-in">{nav("signIn")}</Link>
              </li>
            )}
          </ul>
        </div>
      </nav>
    </header>
  );
}
