import { getTranslations } from "next-intl/server";

/** On every page: leaving a site does not erase the visit from the browser's history. */
export async function SafetyNotice() {
  const t = await getTranslations("Shell");
  return (
    <section className="usa-site-alert usa-site-alert--info usa-site-alert--slim acp-safety" aria-label={t("safetyHeading")}>
      <div className="usa-alert">
        <div className="usa-alert__body">
          <p className="usa-alert__text">{t("safetyNotice")}</p>
        </div>
      </div>
    </section>
  );
}
