import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { noticeParticipants, noticesToSend } from "@/lib/exemptions/queries";
import { exemptionSettings } from "@/lib/exemptions/settings";
import { formatParticipantNumber } from "@/lib/participants/participant-number";
import { MarkSentButton } from "./MarkSentButton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Exemptions"))("noticesTitle") };
}

/**
 * U-16: participants an agency reported holding under a grant, to be told by letter through the safe
 * channel (the substitute address). Staff mark each notice sent once it is in the mail.
 */
export default async function ExemptionNoticesPage() {
  const user = (await requireRoute("/exemptions/notices"))!;
  const t = await getTranslations("Exemptions");
  const format = await getFormatter();
  const rows = await noticesToSend(db());
  const people = await noticeParticipants(db(), user, rows.map((r) => r.participantId));
  // Names and numbers of participants are shown: each is a recorded read.
  for (const p of people.values()) await recordAudit(db(), user, { action: "participant.viewed", details: {}, target: { type: "Participant", id: p.id } });
  const { participantNotice } = exemptionSettings();
  return (
    <div className="grid-container">
      <h1>{t("noticesTitle")}</h1>
      <p className="usa-intro">{t("notices.intro")}</p>
      {!participantNotice && (
        <div className="usa-alert usa-alert--info usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t("notices.off")}</p>
          </div>
        </div>
      )}
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table">
        <caption>{t("notices.caption", { total: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("notices.colParticipant")}</th>
            <th scope="col">{t("colAgency")}</th>
            <th scope="col">{t("colReference")}</th>
            <th scope="col">{t("notices.colReported")}</th>
            <th scope="col">{t("notices.colAction")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const p = people.get(r.participantId);
            return (
              <tr key={r.id}>
                <th scope="row" data-label={t("notices.colParticipant")}>
                  {p ? <Link href={`/participants/${p.id}`}>{`${p.firstName} ${p.lastName} — ${formatParticipantNumber(p.participantNumber)}`}</Link> : "—"}
                </th>
                <td data-label={t("colAgency")}>{r.request.organisation.name}</td>
                <td data-label={t("colReference")}>
                  <Link href={`/exemptions/review/${r.request.id}`}>{r.request.reference}</Link>
                </td>
                <td data-label={t("notices.colReported")}>{format.dateTime(r.reportedAt, { dateStyle: "medium", timeZone: "America/New_York" })}</td>
                <td data-label={t("notices.colAction")}>
                  <a href={`/exemptions/notices/${r.id}/letter`}>{t("noticeLetter")}</a>
                  <MarkSentButton noticeId={r.id} label={t("notices.markSent", { n: rows.indexOf(r) + 1 })} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
