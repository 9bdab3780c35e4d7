import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { todayInMassachusetts } from "@/lib/dates/calendar";
import { db } from "@/lib/db";
import { NOTICE_DELAY_ROUTES } from "@/lib/disclosures/fields";
import { pendingParticipantNotices } from "@/lib/disclosures/queries";
import { formatParticipantNumber } from "@/lib/participants/participant-number";
import { NoticeForms } from "./NoticeForms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Disclosures"))("noticesTitle") };
}

/**
 * U-16: after each release the participant is told, through the safe channel, unless a logged
 * law-enforcement or court reason delays it; each delay is reviewed every 30 days.
 */
export default async function ParticipantNoticesPage() {
  const user = (await requireRoute("/disclosures/notices"))!;
  const t = await getTranslations("Disclosures");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "America/New_York" });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const today = todayInMassachusetts();
  const rows = await pendingParticipantNotices(db(), user);
  return (
    <div className="grid-container">
      <p>
        <Link href="/disclosures">{t("backToQueue")}</Link>
      </p>
      <h1>{t("noticesTitle")}</h1>
      <p className="usa-intro">{t("noticesIntro")}</p>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table" data-testid="participant-notices">
        <caption>{t("noticesCaption", { total: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colReference")}</th>
            <th scope="col">{t("colParticipant")}</th>
            <th scope="col">{t("colRoute")}</th>
            <th scope="col">{t("colReleased")}</th>
            <th scope="col">{t("colNotice")}</th>
            <th scope="col">{t("colAction")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr key={n.id}>
              <th scope="row" data-label={t("colReference")}>
                <Link href={`/disclosures/${n.id}`}>{n.reference}</Link>
              </th>
              <td data-label={t("colParticipant")}>{n.participantNumber ? formatParticipantNumber(n.participantNumber) : ""}</td>
              <td data-label={t("colRoute")}>{t(`routes.${n.route}`)}</td>
              <td data-label={t("colReleased")}>{n.decidedAt ? when(n.decidedAt) : ""}</td>
              <td data-label={t("colNotice")}>
                {n.noticeDelayReason && n.noticeDelayReviewOn
                  ? `${n.noticeDelayReviewOn <= today ? t("delayReviewDue", { on: day(n.noticeDelayReviewOn) }) : t("delayedReviewOn", { on: day(n.noticeDelayReviewOn) })} — ${n.noticeDelayReason}`
                  : t("noticeDue")}
              </td>
              <td data-label={t("colAction")}>
                {!n.noticeDelayReason && <a href={`/disclosures/${n.id}/notice-letter`}>{t("noticeLetter")}</a>}
                <NoticeForms requestId={n.id} reference={n.reference} delayed={!!n.noticeDelayReason} delayAllowed={NOTICE_DELAY_ROUTES.includes(n.route)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>{t("noNotices")}</p>}
    </div>
  );
}
