import { getTranslations } from "next-intl/server";
import type { ExemptionStatus } from "@/lib/db/generated/enums";
import { INTERIM_STATUSES } from "@/lib/exemptions/status";

/**
 * 131.07(3) [P]: throughout review, evaluation and any appeal, the agency keeps using the substitute
 * address. Every screen of an open request carries this, prominently; once the request is closed
 * without an exemption in force, the plain rule of §4 is shown instead.
 */
export async function InterimNotice({ status }: { status: ExemptionStatus }) {
  const t = await getTranslations("Exemptions.interim");
  if (INTERIM_STATUSES.includes(status)) {
    return (
      <div className="usa-alert usa-alert--warning" data-testid="interim-notice">
        <div className="usa-alert__body">
          <h2 className="usa-alert__heading">{t("heading")}</h2>
          <p className="usa-alert__text">{t("text")}</p>
        </div>
      </div>
    );
  }
  if (status === "WITHHELD" || status === "EXPIRED" || status === "REVOKED") {
    return (
      <div className="usa-alert usa-alert--info usa-alert--slim" data-testid="no-exemption-notice">
        <div className="usa-alert__body">
          <p className="usa-alert__text">{t("noExemption")}</p>
        </div>
      </div>
    );
  }
  return null;
}
