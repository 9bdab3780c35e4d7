import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { NOTICE_DELAY_ROUTES } from "@/lib/disclosures/fields";
import { agenciesOnFile, disclosureDetail } from "@/lib/disclosures/queries";
import { nextDisclosureSteps } from "@/lib/disclosures/status";
import { LEGAL_ROUTES } from "@/lib/dissemination/record-dissemination";
import { formatParticipantNumber } from "@/lib/participants/participant-number";
import { CallbackForm, DecideForm, VerifyForm, WrittenRequestForm } from "./StepForms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Disclosures"))("detailTitle") };
}

const EVENT_KEYS = ["received", "callback-verified", "written-request-received", "court-order-opened", "verified", "released", "refused", "release-opened", "notice-sent", "notice-delayed", "notice-delay-lifted"] as const;
type EventKey = (typeof EVENT_KEYS)[number];

/** One §5 request: what was asked and shown, each step taken, and its dissemination-log entries. */
export default async function DisclosureRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = (await requireRoute("/disclosures/[id]"))!;
  const { id } = await params;
  const r = await disclosureDetail(db(), user, id);
  if (!r) notFound();
  // The participant's name and number are shown: a read of a participant record (as on /participants/[id]).
  if (r.participant) await recordAudit(db(), user, { action: "participant.viewed", details: {}, target: { type: "Participant", id: r.participant.id } });
  const t = await getTranslations("Disclosures");
  const roles = await getTranslations("Roles");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const who = (userId: string | null) => (userId ? (r.users.get(userId)?.displayName ?? "") : "");
  const steps = nextDisclosureSteps(r.status, user.role);
  const le = r.route === "LAW_ENFORCEMENT";
  const numberOnFile = le ? (await agenciesOnFile(db())).find((a) => a.name === r.requesterOrganisation)?.contactPhone : null;
  const recipient = r.requesterUserId ? r.users.get(r.requesterUserId) : undefined;
  const fieldNames = (fs: string[]) => fs.map((f) => t(`fields.${f as "residence"}`)).join(", ");
  const noticeState = r.status !== "RELEASED" ? null : r.participantNotifiedAt ? t("noticeSentOn", { at: when(r.participantNotifiedAt) }) : r.noticeDelayReason ? t("noticeDelayedUntil", { on: day(r.noticeDelayReviewOn!), reason: r.noticeDelayReason }) : t("noticeDue");
  return (
    <div className="grid-container">
      <p>
        <Link href="/disclosures">{t("backToQueue")}</Link>
      </p>
      <h1>{t("detailTitle")}</h1>
      {r.emergency && (
        <div className="usa-alert usa-alert--warning usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {r.writtenRequestReceivedAt ? t("emergencyWrittenIn") : t("emergencyWrittenDue", { due: when(r.writtenRequestDueAt!) })}
            </p>
          </div>
        </div>
      )}
      <dl className="acp-facts">
        <dt>{t("colReference")}</dt>
        <dd data-testid="disclosure-reference">{r.reference}</dd>
        <dt>{t("colRoute")}</dt>
        <dd>
          {t(`routes.${r.route}`)} ({LEGAL_ROUTES[r.route]})
        </dd>
        <dt>{t("colStatus")}</dt>
        <dd data-testid="disclosure-status">{t(`statuses.${r.status}`)}</dd>
        <dt>{t("colParticipant")}</dt>
        <dd>
          {r.participant ? (
            <Link href={`/participants/${r.participant.id}`}>
              {r.participant.firstName} {r.participant.lastName}, {formatParticipantNumber(r.participant.participantNumber)}
            </Link>
          ) : (
            "—"
          )}
        </dd>
        <dt>{t("fieldsLegend")}</dt>
        <dd>{fieldNames(r.fields)}</dd>
        <dt>{t("requesterLegend")}</dt>
        <dd>
          {r.requesterName}, {r.requesterTitle}, {r.requesterOrganisation}
        </dd>
        <dt>{t("recipientAccount")}</dt>
        <dd>{recipient ? `${recipient.displayName} (${recipient.email})` : t("noAccount")}</dd>
        <dt>{t("reason")}</dt>
        <dd>{r.reason}</dd>
        <dt>{t("colReceived")}</dt>
        <dd>{t("byWhom", { at: when(r.receivedAt), name: who(r.receivedById) })}</dd>
        {le && (
          <>
            <dt>{t("callbackNumber")}</dt>
            <dd>{r.callbackVerifiedAt ? t("callbackDone", { number: r.callbackNumber ?? "", at: when(r.callbackVerifiedAt) }) : t("callbackPending", { number: r.callbackNumber ?? "" })}</dd>
            <dt>{t("namedOfficer")}</dt>
            <dd>{r.namedOfficer}</dd>
            <dt>{t("writtenRequest")}</dt>
            <dd>{r.writtenRequestReceivedAt ? when(r.writtenRequestReceivedAt) : t("writtenDue", { due: r.writtenRequestDueAt ? when(r.writtenRequestDueAt) : "—" })}</dd>
          </>
        )}
        {r.needShown && (
          <>
            <dt>{t("needShown")}</dt>
            <dd>{r.needShown}</dd>
          </>
        )}
        {r.courtOrderStorageKey && (
          <>
            <dt>{t("courtOrder")}</dt>
            <dd>
              <a href={`/disclosures/${r.id}/court-order`} target="_blank" rel="noopener">
                {t("openOrder")}
              </a>
              {r.courtOrderNamesRecipient && r.courtOrderStatesReasons ? ` — ${t("orderConfirmed")}` : ""}
            </dd>
          </>
        )}
        {r.verifiedAt && (
          <>
            <dt>{t("verifiedBy")}</dt>
            <dd>
              {t("byWhom", { at: when(r.verifiedAt), name: who(r.verifiedById) })}: {r.verificationNote}
            </dd>
          </>
        )}
        {r.decidedAt && (
          <>
            <dt>{t("decidedBy")}</dt>
            <dd>
              {t("byWhom", { at: when(r.decidedAt), name: who(r.decidedById) })}
              {r.decisionReasons ? `: ${r.decisionReasons}` : ""}
            </dd>
          </>
        )}
        {noticeState && (
          <>
            <dt>{t("participantNotice")}</dt>
            <dd>{noticeState}</dd>
          </>
        )}
      </dl>

      {r.releases.length > 0 && (
        <>
          <h2>{t("releasesHeading")}</h2>
          <ul className="usa-list">
            {r.releases.map((x) => (
              <li key={x.id}>
                {x.byLetter
                  ? <>{t("releaseByLetter", { fields: fieldNames(x.fields), at: when(x.createdAt) })} <a href={`/disclosures/${r.id}/release-letter`}>{t("releaseLetter")}</a></>
                  : t("releaseView", { fields: fieldNames(x.fields), recipient: who(x.recipientUserId), expires: when(x.expiresAt!), state: x.openedAt ? t("openedAt", { at: when(x.openedAt) }) : x.expiresAt! < new Date() ? t("expired") : t("notOpened") })}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t("logTitle")}</h2>
      <table className="usa-table usa-table--borderless usa-table--stacked acp-table" data-testid="dissemination-log">
        <caption>{t("logCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("logWhen")}</th>
            <th scope="col">{t("logKind")}</th>
            <th scope="col">{t("logDisclosed")}</th>
            <th scope="col">{t("logRecipient")}</th>
            <th scope="col">{t("logReason")}</th>
            <th scope="col">{t("logRoute")}</th>
          </tr>
        </thead>
        <tbody>
          {r.log.map((e) => (
            <tr key={String(e.id)}>
              <td data-label={t("logWhen")}>{when(e.at)}</td>
              <td data-label={t("logKind")}>{t(`logKinds.${e.kind as "ADDRESS_RELEASE"}`)}</td>
              <td data-label={t("logDisclosed")}>{e.disclosed}</td>
              <td data-label={t("logRecipient")}>
                {e.recipientName}
                {e.recipientOrganisation ? `, ${e.recipientOrganisation}` : ""}
              </td>
              <td data-label={t("logReason")}>{e.reason ?? ""}</td>
              <td data-label={t("logRoute")}>{e.legalRoute}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.log.length === 0 && <p>{t("logEmpty")}</p>}

      <h2>{t("historyTitle")}</h2>
      <ol className="usa-list">
        {r.history.map((h) => {
          const key = h.action.replace(/^disclosure\./, "") as EventKey;
          const d = (h.details ?? {}) as { signerName?: string; designation?: string };
          return (
            <li key={String(h.id)}>
              {when(h.occurredAt)}: {EVENT_KEYS.includes(key) ? t(`events.${key}`) : h.action}
              {h.actorId ? ` (${who(h.actorId) || roles((h.actorRole ?? "PROGRAM_STAFF") as "PROGRAM_STAFF")})` : ""}
              {d.signerName ? ` — ${t("signedBy", { name: d.signerName })}` : ""}
              {d.designation ? ` — ${t("designatedAs", { designation: d.designation })}` : ""}
              {h.reason ? ` — ${h.reason}` : ""}
            </li>
          );
        })}
      </ol>

      {le && r.status === "RECEIVED" && !r.callbackVerifiedAt && <CallbackForm requestId={r.id} numberOnFile={numberOnFile ?? "—"} />}
      {le && r.emergency && !r.writtenRequestReceivedAt && <WrittenRequestForm requestId={r.id} />}
      {steps.includes("VERIFIED") && <VerifyForm requestId={r.id} courtOrder={r.route === "COURT_ORDER"} />}
      {(steps.includes("RELEASED") || steps.includes("REFUSED")) && (
        <DecideForm requestId={r.id} canRelease={steps.includes("RELEASED")} requested={r.fields} recipient={recipient ? `${recipient.displayName} (${recipient.email})` : null} delayAllowed={NOTICE_DELAY_ROUTES.includes(r.route)} />
      )}
    </div>
  );
}
