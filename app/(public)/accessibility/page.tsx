import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { programSettings } from "@/lib/config/program";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Accessibility");
  return { title: t("title") };
}

export default async function AccessibilityPage() {
  const t = await getTranslations("Accessibility");
  const p = programSettings();
  return (
    <div className="grid-container usa-prose">
      <h1>{t("title")}</h1>
      <p className="usa-intro">{t("commitment")}</p>

      <h2>{t("standardHeading")}</h2>
      <p>{t("standardText")}</p>

      <h2>{t("measuresHeading")}</h2>
      <ul>
        <li>{t("measures1")}</li>
        <li>{t("measures2")}</li>
        <li>{t("measures3")}</li>
        <li>{t("measures4")}</li>
      </ul>

      <h2>{t("limitsHeading")}</h2>
      <p>{t("limitsText")}</p>

      <h2>{t("feedbackHeading")}</h2>
      <p>{t("feedbackText", { phone: p.phone, tollFree: p.tollFree })}</p>
    </div>
  );
}
