import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "./LanguageSwitcher";

export async function SiteHeader() {
  const t = await getTranslations("Shell");
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
    </header>
  );
}
