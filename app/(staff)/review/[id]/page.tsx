import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireRoute } from "@/lib/auth/guard";
import { can } from "@/lib/auth/policy";
import { hasOtherEvidence } from "@/lib/applications/evidence-rules";
import { applicationForReview, possibleDuplicates } from "@/lib/applications/queries";
import { nextSteps } from "@/lib/applications/status";
import { db } from "@/lib/db";
import { formatParticipantNumber } from "@/lib/participants/participant-number";
import { DecisionForm } from "./DecisionForm";
import { RevealAnswers } from "./RevealAnswers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Review"))("detailTitle") };
}

export default async function ReviewApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = (await requireRoute("/review/[id]"))!;
  const { id } = await params;
  const app = await applicationForReview(db(), user, id);
  if (!app || app.status === "DRAFT") notFound();
  const t = await getTranslations("Review");
  const w = await getTranslations("Wizard.evidence");
  const a = await getTranslations("Applications");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" });
  const duplicates = await possibleDuplicates(db(), app);
  const steps = nextSteps(app.status, user.role, app.track, hasOtherEvidence(app.evidence));
  const mayReveal = can(user, "protected:reveal");
  return (
    <div className="grid-container">
      <h1>{t("detailTitle")}</h1>
      {(duplicates.participants > 0 || duplicates.applications > 0) && (
        <div className="usa-alert usa-alert--warning usa-alert--slim" data-testid="duplicate-flag">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t("duplicate", { participants: duplicates.participants, applications: duplicates.applications })}</p>
          </div>
        </div>
      )}
      <dl className="acp-facts">
        <dt>{t("colReference")}</dt>
        <dd>{app.reference}</dd>
        <dt>{t("colApplicant")}</dt>
        <dd>
          {app.applicantFirstName} {app.applicantLastName}
        </dd>
        <dt>{t("colTrack")}</dt>
        <dd>{t(`tracks.${app.track}`)}</dd>
        <dt>{t("colStatus")}</dt>
        <dd data-testid="review-status">{a(`status.${app.status}`)}</dd>
        {app.assistant && (
          <>
            <dt>{t("assistant")}</dt>
            <dd>
              {app.assistant.displayName}, {app.assistant.organisation.name} ({app.assistantRegistrationNumber})
            </dd>
          </>
        )}
        {app.submittedAt && (
          <>
            <dt>{t("submittedAt")}</dt>
            <dd>{when(app.submittedAt)}</dd>
          </>
        )}
        <dt>{t("noticeVersion")}</dt>
        <dd>{app.collectionNoticeVersion}</dd>
        {app.decisionReasons && (
          <>
            <dt>{t("decisionReasons")}</dt>
            <dd>{app.decisionReasons}</dd>
          </>
        )}
      </dl>

      <h2>{t("signatures")}</h2>
      <ul className="usa-list">
        {app.signatures.map((s) => (
          <li key={s.signer}>{t("signature", { signer: t(`signers.${s.signer}`), name: s.typedName, at: when(s.signedAt), ip: s.ipPrefix ?? "—", version: s.statementVersion })}</li>
        ))}
      </ul>

      <h2>{t("evidenceTitle")}</h2>
      <table className="usa-table usa-table--borderless acp-table">
        <caption>{t("evidenceCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{w("colKind")}</th>
            <th scope="col">{w("colType")}</th>
            <th scope="col">{w("colScan")}</th>
            <th scope="col">{t("colOpen")}</th>
          </tr>
        </thead>
        <tbody>
          {app.evidence.map((e, i) => (
            <tr key={e.id}>
              <td>{w(`kinds.${e.kind}`)}</td>
              <td>{e.mediaType}</td>
              <td>{w(`scan.${e.scanStatus}`)}</td>
              <td>
                {mayReveal && (e.scanStatus === "CLEAN" || e.scanStatus === "NOT_SCANNED") ? (
                  <a href={`/review/${app.id}/evidence/${e.id}`} target="_blank" rel="noopener">
                    {t("openFile", { n: i + 1 })}
                  </a>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {mayReveal && <p className="usa-hint">{t("evidenceHint")}</p>}

      {mayReveal && <RevealAnswers applicationId={app.id} track={app.track} />}

      {app.documentRequests.length > 0 && (
        <>
          <h2>{t("requestsTitle")}</h2>
          <ul className="usa-list">
            {app.documentRequests.map((r) => (
              <li key={r.id}>
                {r.documents.map((d) => a(`documents.${d as "IDENTITY"}`)).join(", ")} — {when(r.requestedAt)} {r.answeredAt ? t("answered", { at: when(r.answeredAt) }) : t("waiting")}{" "}
                <a href={`/review/${app.id}/letters/request-for-documents`}>{t("letterLink")}</a>
              </li>
            ))}
          </ul>
        </>
      )}

      {app.participants.length > 0 && (
        <>
          <h2>{t("participantsTitle")}</h2>
          <ul className="usa-list">
            {app.participants.map((p) => (
              <li key={p.id}>
                <Link href={`/participants/${p.id}`}>
                  {p.firstName} {p.lastName}
                </Link>{" "}
                — {formatParticipantNumber(p.participantNumber)} —{" "}
                <a href={`/participants/${p.id}/card`} data-testid="card-link">
                  {t("cardLink")}
                </a>
              </li>
            ))}
          </ul>
          {mayReveal && <a href={`/review/${app.id}/letters/certification`}>{t("certificationLetter")}</a>}
        </>
      )}
      {app.status === "DENIED" && mayReveal && <a href={`/review/${app.id}/letters/denial`}>{t("denialLetter")}</a>}

      <h2>{t("historyTitle")}</h2>
      <ol className="usa-list">
        {app.statusChanges.map((c, i) => (
          <li key={i}>
            {when(c.at)}: {a(`status.${c.fromStatus}`)} → {a(`status.${c.toStatus}`)} ({t(`roles.${c.actorRole as "PROGRAM_STAFF"}`)}){c.reasons ? ` — ${c.reasons}` : ""}
          </li>
        ))}
      </ol>

      <DecisionForm applicationId={app.id} steps={steps} />
    </div>
  );
}
