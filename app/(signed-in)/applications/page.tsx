import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { myApplications } from "@/lib/applications/queries";
import { db } from "@/lib/db";
import { StartButton } from "./StartButton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Applications"))("title") };
}

export default async function ApplicationsPage() {
  const user = (await requireRoute("/applications"))!;
  const t = await getTranslations("Applications");
  const format = await getFormatter();
  const { rows, assistant } = await myApplications(db(), user);
  const isAssistant = user.role === "APPLICATION_ASSISTANT";
  const mayStart = isAssistant ? assistant?.status === "REGISTERED" : !rows.some((r) => r.status !== "DENIED" && r.status !== "WITHDRAWN" && r.status !== "CERTIFIED");
  return (
    <div className="grid-container">
      <h1>{t("title")}</h1>
      <p className="usa-intro">{isAssistant ? t("introAssistant") : t("introHealthCare")}</p>
      {!isAssistant && !user.mfaEnabled && (
        <div className="usa-alert usa-alert--info usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {t("offerMfa")} <Link href="/account/mfa">{t("offerMfaLink")}</Link>
            </p>
          </div>
        </div>
      )}
      {isAssistant && assistant && (
        <p>{assistant.registrationNumber ? t("yourNumber", { number: assistant.registrationNumber }) : t("notRegistered")}</p>
      )}
      {mayStart ? <StartButton /> : isAssistant ? <p>{t("cannotStart")}</p> : null}
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("caption", { total: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colReference")}</th>
            {isAssistant && <th scope="col">{t("colApplicant")}</th>}
            <th scope="col">{t("colStatus")}</th>
            <th scope="col">{t("colUpdated")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <th scope="row" data-label={t("colReference")}>
                <Link href={`/applications/${a.id}`}>{a.reference}</Link>
              </th>
              {/* SEC-05: after submission an assistant sees the status only; the name stays visible on drafts they type. */}
              {isAssistant && <td data-label={t("colApplicant")}>{a.status === "DRAFT" ? `${a.applicantFirstName} ${a.applicantLastName}`.trim() || t("unnamed") : t("hidden")}</td>}
              <td data-label={t("colStatus")}>{t(`status.${a.status}`)}</td>
              <td data-label={t("colUpdated")}>{format.dateTime(a.updatedAt, { dateStyle: "medium", timeZone: "America/New_York" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
