import { getTranslations } from "next-intl/server";
import { programSettings } from "@/lib/config/program";

export default async function HomePage() {
  const t = await getTranslations("Home");
  const p = programSettings();
  return (
    <div className="grid-container usa-prose">
      <h1>{t("title")}</h1>
      <p className="usa-intro">{t("lead")}</p>

      <h2>{t("howHeading")}</h2>
      <ul>
        <li>{t("how1")}</li>
        <li>{t("how2")}</li>
        <li>{t("how3")}</li>
        <li>{t("how4")}</li>
      </ul>

      <h2>{t("whoHeading")}</h2>
      <ul>
        <li>{t("whoSurvivor")}</li>
        <li>{t("whoHealthCare")}</li>
        <li>{t("whoGuardian")}</li>
      </ul>

      <h2>{t("helpHeading")}</h2>
      <p>
        <strong>{t("helpDanger")}</strong>
      </p>
      <p>{t("helpPhone", { phone: p.phone, tollFree: p.tollFree })}</p>
      <p>{t("helpHotline", { hotline: p.hotline })}</p>
    </div>
  );
}
