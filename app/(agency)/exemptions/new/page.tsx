import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { RequestForm } from "./RequestForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Exemptions"))("newTitle") };
}

/** 131.07(1) [P]: the request, in writing, with the four items and the agency head's certification. */
export default async function NewExemptionRequestPage() {
  await requireRoute("/exemptions/new");
  const t = await getTranslations("Exemptions");
  return (
    <div className="grid-container">
      <h1>{t("newTitle")}</h1>
      <p className="usa-intro">{t("newIntro")}</p>
      <div className="usa-alert usa-alert--warning" data-testid="interim-notice">
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">{t("interim.heading")}</h2>
          <p className="usa-alert__text">{t("interim.text")}</p>
        </div>
      </div>
      <RequestForm />
    </div>
  );
}
