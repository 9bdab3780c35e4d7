import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { programSettings } from "@/lib/config/program";
import { env } from "@/lib/env";
import { VerifyForm } from "./VerifyForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Verify"))("title") };
}

/** 130.06(3): an agency confirms that a person's card is valid. Confirm-only: nothing else is shown. */
export default async function VerifyPage() {
  await requireRoute("/verify");
  const t = await getTranslations("Verify");
  const p = programSettings();
  return (
    <div className="grid-container">
      <div className="grid-row">
        <div className="tablet:grid-col-8">
          <h1>{t("title")}</h1>
          <p className="usa-intro">{t("intro")}</p>
          <p>{t("rules")}</p>
          {env().ACP_SELF_SERVICE_VERIFY ? <VerifyForm /> : <p>{t("off", { phone: p.phone })}</p>}
          <p>{t("phone", { phone: p.phone })}</p>
        </div>
      </div>
    </div>
  );
}
