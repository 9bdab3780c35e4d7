import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { InterimNotice } from "@/components/exemptions/InterimNotice";
import { NoteForm } from "@/components/exemptions/NoteForm";
import { RequestDetails } from "@/components/exemptions/RequestDetails";
import { requireRoute } from "@/lib/auth/guard";
import { addCalendarDays, isoDate, todayInMassachusetts } from "@/lib/dates/calendar";
import { db } from "@/lib/db";
import { LETTER_STATUSES } from "@/lib/exemptions/decision-letter";
import { actorNames, daysBetween, exemptionRequest } from "@/lib/exemptions/queries";
import { exemptionSettings } from "@/lib/exemptions/settings";
import { AWAITING_DECISION, DECISION_TARGET_DAYS, nextSteps, STAFF_DONE } from "@/lib/exemptions/status";
import { requestInformationAction, revokeAction } from "../../actions";
import { AppealDecisionForm, DecisionForm } from "./DecisionForm";
import { StartReviewButton } from "./StartReviewButton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Exemptions"))("reviewTitle") };
}

/**
 * A request for staff: what the agency asked, the days open against the 30-day target (U-9), and
 * the steps lib/exemptions/status.ts opens to this person: start the review, ask the agency, decide
 * (PM), revoke (PM), decide a reconsideration (the configured reviewer).
 */
export default async function ReviewExemptionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = (await requireRoute("/exemptions/review/[id]"))!;
  const { id } = await params;
  const sp = await searchParams;
  const r = await exemptionRequest(db(), user, id);
  if (!r) notFound();
  const t = await getTranslations("Exemptions");
  const roles = await getTranslations("Roles");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "America/New_York" });
  const now = new Date();
  const settings = exemptionSettings();
  const steps = nextSteps(r.status, user.role, settings.reviewer, r.appealDecidedAt !== null);
  const names = await actorNames(db(), r.events.map((e) => e.actorId));
  const reported = await db().exemptionParticipant.count({ where: { requestId: r.id } });
  const open = daysBetween(r.submittedAt, r.decidedAt ?? now);
  const overTarget = AWAITING_DECISION.includes(r.status) && open > DECISION_TARGET_DAYS;
  const hasLetter = !!r.decidedAt && (LETTER_STATUSES as readonly string[]).includes(r.status);
  const defaultTerm = isoDate(addCalendarDays(todayInMassachusetts(now), settings.termDays));
  const accessDefault = t("decide.accessDefault");
  const done = STAFF_DONE.find((d) => d === sp.done);
  return (
    <div className="grid-container">
      <h1>{t("reviewHeading", { reference: r.reference })}</h1>
      {done && (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status" data-testid="done">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t(done)}</p>
          </div>
        </div>
      )}
      <InterimNotice status={r.status} />
      <dl className="acp-facts">
        <dt>{t("colAgency")}</dt>
        <dd>{r.organisation.name}</dd>
        <dt>{t("colStatus")}</dt>
        <dd data-testid="exemption-status">{t(`status.${r.status}`)}</dd>
        <dt>{t("colReceived")}</dt>
        <dd>{when(r.submittedAt)}</dd>
        <dt>{t("colDaysOpen")}</dt>
        <dd>
          {t("daysOpen", { days: open })}{" "}
          {overTarget && (
            <span className="usa-tag usa-tag--big bg-secondary-dark" data-testid="over-target">
              {t("overTarget", { days: DECISION_TARGET_DAYS })}
            </span>
          )}
        </dd>
        {r.decidedAt && (
          <>
            <dt>{t("decidedOn")}</dt>
            <dd>{when(r.decidedAt)}</dd>
          </>
        )}
        {r.status === "APPEALED" && r.appealReasons && (
          <>
            <dt>{t("appealReasons")}</dt>
            <dd>{r.appealReasons}</dd>
          </>
        )}
        <dt>{t("reviewer")}</dt>
        <dd>{roles(settings.reviewer)}</dd>
        {reported > 0 && (
          <>
            <dt>{t("reportedCount")}</dt>
            <dd>{reported}</dd>
          </>
        )}
      </dl>
      {hasLetter && (
        <p>
          <a href={`/exemptions/review/${r.id}/letter`} data-testid="letter-link">
            {t("letterLink")}
          </a>
        </p>
      )}

      {steps.includes("UNDER_REVIEW") && r.status === "SUBMITTED" && <StartReviewButton requestId={r.id} />}
      {steps.includes("INFORMATION_REQUESTED") && (
        <NoteForm action={requestInformationAction} requestId={r.id} name="note" id="ask" title={t("ask.title")} intro={t("ask.intro")} label={t("ask.label")} hint={t("ask.hint")} submit={t("ask.submit")} />
      )}
      {(steps.includes("GRANTED") || steps.includes("WITHHELD")) && r.status !== "APPEALED" && (
        <DecisionForm requestId={r.id} canGrant={steps.includes("GRANTED")} defaultTerm={defaultTerm} accessDefault={accessDefault} />
      )}
      {r.status === "APPEALED" && (r.appealedFrom === "GRANTED" || r.appealedFrom === "WITHHELD") && steps.length > 0 && (
        <AppealDecisionForm requestId={r.id} appealedFrom={r.appealedFrom} defaultTerm={defaultTerm} accessDefault={accessDefault} />
      )}
      {steps.includes("REVOKED") && (
        <NoteForm action={revokeAction} requestId={r.id} name="reasons" id="revoke" title={t("revoke.title")} intro={t("revoke.intro")} label={t("revoke.label")} submit={t("revoke.submit")} warning={t("revoke.warning")} />
      )}
      {steps.length === 0 && r.status !== "EXPIRED" && r.status !== "REVOKED" && <p data-testid="no-step">{t(r.status === "APPEALED" ? "noStepAppeal" : "noStep", { reviewer: roles(settings.reviewer) })}</p>}

      <RequestDetails request={r} audience="staff" names={names} />
    </div>
  );
}
