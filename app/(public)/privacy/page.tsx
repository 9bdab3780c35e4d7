import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { calendarDate } from "@/lib/dates/calendar";
import { PRIVACY_NOTICE_VERSION, programSettings } from "@/lib/config/program";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Privacy");
  return { title: t("title") };
}

// Modelled on the Mass.gov privacy policy, without what it allows and we do not do (SEC-27).
export default async function PrivacyPage() {
  const t = await getTranslations("Privacy");
  const format = await getFormatter();
  const p = programSettings();
  const date = format.dateTime(calendarDate(PRIVACY_NOTICE_VERSION), { dateStyle: "long", timeZone: "UTC" });
  return (
    <div className="grid-container usa-prose">
      <h1>{t("title")}</h1>
      <p className="text-base">{t("updated", { version: PRIVACY_NOTICE_VERSION, date })}</p>
      <p className="usa-intro">{t("intro")}</p>

      <h2>{t("autoHeading")}</h2>
      <p>{t("autoIntro")}</p>
      <ul>
        <li>{t("autoIp")}</li>
        <li>{t("autoTime")}</li>
        <li>{t("autoPage")}</li>
        <li>{t("autoBytes")}</li>
      </ul>
      <p>{t("autoUse")}</p>

      <h2>{t("cookiesHeading")}</h2>
      <p>{t("cookiesText")}</p>

      <h2>{t("thirdHeading")}</h2>
      <p>{t("thirdText")}</p>

      <h2>{t("givenHeading")}</h2>
      <p>{t("givenText")}</p>

      <h2>{t("publicHeading")}</h2>
      <p>{t("publicText")}</p>

      <h2>{t("rightsHeading")}</h2>
      <p>{t("rightsText")}</p>

      <h2>{t("emailHeading")}</h2>
      <p>{t("emailText")}</p>

      <h2>{t("securityHeading")}</h2>
      <p>{t("securityText")}</p>

      <h2>{t("contactHeading")}</h2>
      <p>{t("contactText", { phone: p.phone, mailingAddress: p.mailingAddress })}</p>
    </div>
  );
}
