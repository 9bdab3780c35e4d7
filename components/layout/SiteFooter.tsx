import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { programSettings } from "@/lib/config/program";

export async function SiteFooter() {
  const t = await getTranslations("Shell");
  const p = programSettings();
  return (
    <footer className="usa-footer usa-footer--slim">
      <div className="usa-footer__primary-section">
        <div className="usa-footer__primary-container grid-row">
          <div className="grid-col-12">
            <nav className="usa-footer__nav" aria-label={t("footerNav")}>
              <ul className="grid-row grid-gap">
                <li className="mobile-lg:grid-col-auto usa-footer__primary-content">
                  <Link className="usa-footer__primary-link" href="/privacy">
                    {t("footerPrivacy")}
                  </Link>
                </li>
                <li className="mobile-lg:grid-col-auto usa-footer__primary-content">
                  <Link className="usa-footer__primary-link" href="/accessibility">
                    {t("footerAccessibility")}
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </div>
      </div>
      <div className="usa-footer__secondary-section">
        <div className="grid-container">
          <p>{t("footerContact", { phone: p.phone, tollFree: p.tollFree })}</p>
          <p>
            <strong>{t("footerEmergency")}</strong> {t("footerHotline", { hotline: p.hotline })}
          </p>
          <p>{t("footerOffice")}</p>
        </div>
      </div>
    </footer>
  );
}
