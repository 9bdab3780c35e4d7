import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { disclosureQueue } from "@/lib/disclosures/queries";
import { formatParticipantNumber } from "@/lib/participants/participant-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Disclosures"))("title") };
}

/** §5 requests waiting for staff or the PM: emergencies first (U-8), then the oldest. */
export default async function DisclosureQueuePage() {
  const user = (await requireRoute("/disclosures"))!;
  const t = await getTranslations("Disclosures");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" });
  const now = new Date();
  const { open, decided } = await disclosureQueue(db(), user);
  return (
    <div className="grid-container">
      <h1>{t("title")}</h1>
      <p className="usa-intro">{t("intro")}</p>
      <ul className="usa-button-group">
        <li className="usa-button-group__item">
          <Link className="usa-button" href="/disclosures/new">
            {t("newLink")}
          </Link>
        </li>
        <li className="usa-button-group__item">
          <Link className="usa-button usa-button--outline" href="/disclosures/notices">
            {t("noticesLink")}
          </Link>
        </li>
      </ul>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table" data-testid="disclosure-queue">
        <caption>{t("openCaption", { total: open.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colReference")}</th>
            <th scope="col">{t("colRoute")}</th>
            <th scope="col">{t("colParticipant")}</th>
            <th scope="col">{t("colStatus")}</th>
            <th scope="col">{t("colReceived")}</th>
            <th scope="col">{t("colWritten")}</th>
          </tr>
        </thead>
        <tbody>
          {open.map((r) => (
            <tr key={r.id}>
              <th scope="row" data-label={t("colReference")}>
                <Link href={`/disclosures/${r.id}`}>{r.reference}</Link>
                {r.emergency && (
                  <>
                    {" "}
                    <span className="usa-tag bg-secondary-dark">{t("emergencyTag")}</span>
                  </>
                )}
              </th>
              <td data-label={t("colRoute")}>{t(`routes.${r.route}`)}</td>
              <td data-label={t("colParticipant")}>{r.participantNumber ? formatParticipantNumber(r.participantNumber) : ""}</td>
              <td data-label={t("colStatus")}>{t(`statuses.${r.status}`)}</td>
              <td data-label={t("colReceived")}>{when(r.receivedAt)}</td>
              <td data-label={t("colWritten")}>
                {r.writtenRequestDueAt && !r.writtenRequestReceivedAt
                  ? r.writtenRequestDueAt < now
                    ? t("writtenOverdue", { due: when(r.writtenRequestDueAt) })
                    : t("writtenDue", { due: when(r.writtenRequestDueAt) })
                  : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open.length === 0 && <p>{t("noneOpen")}</p>}

      <h2>{t("decidedTitle")}</h2>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("decidedCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colReference")}</th>
            <th scope="col">{t("colRoute")}</th>
            <th scope="col">{t("colParticipant")}</th>
            <th scope="col">{t("colStatus")}</th>
            <th scope="col">{t("colDecided")}</th>
          </tr>
        </thead>
        <tbody>
          {decided.map((r) => (
            <tr key={r.id}>
              <th scope="row" data-label={t("colReference")}>
                <Link href={`/disclosures/${r.id}`}>{r.reference}</Link>
              </th>
              <td data-label={t("colRoute")}>{t(`routes.${r.route}`)}</td>
              <td data-label={t("colParticipant")}>{r.participantNumber ? formatParticipantNumber(r.participantNumber) : ""}</td>
              <td data-label={t("colStatus")}>{t(`statuses.${r.status}`)}</td>
              <td data-label={t("colDecided")}>{r.decidedAt ? when(r.decidedAt) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
