import "@uswds/uswds/css/uswds.min.css";
import "@fontsource/public-sans/400.css";
import "@fontsource/public-sans/400-italic.css";
import "@fontsource/public-sans/700.css";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { GovBanner } from "@/components/layout/GovBanner";
import { QuickExit } from "@/components/layout/QuickExit";
import { SafetyNotice } from "@/components/layout/SafetyNotice";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { IdleWarning } from "@/components/layout/IdleWarning";
import { HydrationMark } from "@/components/layout/HydrationMark";
import { currentUser } from "@/lib/auth/current-user";
import { hasStaffIdleTimeout } from "@/lib/auth/roles";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return {
    title: { default: t("siteName"), template: `%s | ${t("siteName")}` },
    description: t("description"),
    // Nothing here should be indexed or previewed by other services.
    robots: { index: false, follow: false },
    referrer: "no-referrer",
    formatDetection: { telephone: false, email: false, address: false },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("Shell");
  const user = await currentUser();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={locale}>
      <head>
        {/*
          Until React has taken over, the browser would submit forms by itself: a server-action form
          then carries "Origin: null" (Referrer-Policy: no-referrer), which Next.js rightly refuses as a
          possible forgery, and the sign-in form would put what was typed into the URL. So only forms
          marked method="get" (search filters) may submit before that; globals.css also makes the other
          forms' buttons wait.
        */}
        <script
          nonce={nonce}
          dangerouslySetInnerHTML={{
            __html: `document.addEventListener("submit",function(e){var f=e.target;if(document.documentElement.dataset.hydrated!=="true"&&!(f&&f.getAttribute&&(f.getAttribute("method")||"").toLowerCase()==="get")){e.preventDefault();}},true);`,
          }}
        />
      </head>
      <body>
        <HydrationMark />
        <a className="usa-skipnav" href="#main-content">
          {t("skipLink")}
        </a>
        <QuickExit href={env().ACP_QUICK_EXIT_URL} label={t("quickExit")} hint={t("quickExitHint")} />
        <GovBanner
          text={{
            official: t("bannerOfficial"),
            howYouKnow: t("bannerHowYouKnow"),
            dotGovHeading: t("bannerDotGovHeading"),
            dotGovText: t("bannerDotGovText"),
            httpsHeading: t("bannerHttpsHeading"),
            httpsText: t("bannerHttpsText"),
          }}
        />
        <SafetyNotice />
        <SiteHeader />
        {locale !== "en" && (
          <div className="usa-alert usa-alert--warning usa-alert--slim usa-alert--no-icon acp-draft-translation">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{t("draftTranslation")}</p>
            </div>
          </div>
        )}
        <NextIntlClientProvider>
          {user && hasStaffIdleTimeout(user.role) && <IdleWarning timeoutSeconds={env().ACP_IDLE_TIMEOUT_SECONDS} />}
          <main id="main-content" tabIndex={-1} className="acp-main">
            {children}
          </main>
        </NextIntlClientProvider>
        <SiteFooter />
      </body>
    </html>
  );
}
