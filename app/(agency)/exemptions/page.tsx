import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { agencyRequests } from "@/lib/exemptions/queries";
import { INTERIM_STATUSES } from "@/lib/exemptions/status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Exemptions"))("agencyTitle") };
}

/** An agency user's own agency's exemption requests (row scope: lib/auth/scopes.ts exemptionScope). */
export default async function AgencyExemptionsPage() {
  const user = (await requireRoute("/exemptions"))!;
  const t = await getTranslations("Exemptions");
  const format = await getFormatter();
  const rows = await agencyRequests(db(), user);
  const open = rows.some((r) => INTERIM_STATUSES.includes(r.status));
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="grid-container">
      <h1>{t("agencyTitle")}</h1>
      <p className="usa-intro">{t("agencyIntro")}</p>
      {open && (
        <div className="usa-alert usa-alert--warning" data-testid="interim-notice">
          <div className="usa-alert__body">
            <h2 className="usa-alert__heading">{t("interim.heading")}</h2>
            <p className="usa-alert__text">{t("interim.text")}</p>
          </div>
        </div>
      )}
      <p>
        <Link className="usa-button" href="/exemptions/new">
          {t("newLink")}
        </Link>
      </p>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("agencyCaption", { total: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colReference")}</th>
            <th scope="col">{t("colRecordSeries")}</th>
            <th scope="col">{t("colStatus")}</th>
            <th scope="col">{t("colReceived")}</th>
            <th scope="col">{t("colTermEnds")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" data-label={t("colReference")}>
                <Link href={`/exemptions/${r.id}`}>{r.reference}</Link>
              </th>
              <td data-label={t("colRecordSeries")}>{r.recordSeries.length > 80 ? `${r.recordSeries.slice(0, 80)}…` : r.recordSeries}</td>
              <td data-label={t("colStatus")}>{t(`status.${r.status}`)}</td>
              <td data-label={t("colReceived")}>{format.dateTime(r.submittedAt, { dateStyle: "medium", timeZone: "America/New_York" })}</td>
              <td data-label={t("colTermEnds")}>{r.status === "GRANTED" && r.termEndsOn ? day(r.termEndsOn) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
