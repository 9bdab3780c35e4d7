import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { InterimNotice } from "@/components/exemptions/InterimNotice";
import { NoteForm } from "@/components/exemptions/NoteForm";
import { PRE, RequestDetails } from "@/components/exemptions/RequestDetails";
import { requireRoute } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { LETTER_STATUSES } from "@/lib/exemptions/decision-letter";
import { exemptionRequest } from "@/lib/exemptions/queries";
import { exemptionSettings } from "@/lib/exemptions/settings";
import { AGENCY_DONE, nextSteps } from "@/lib/exemptions/status";
import { answerAction, appealAction } from "../actions";
import { ReportForm } from "./ReportForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Exemptions"))("detailTitle") };
}

/**
 * The agency's view of its own request: status, the interim rule while open (131.07(3)), the
 * program's questions and a form to answer them, the decision and its letter, a request for
 * reconsideration (U-9) and, once granted, the participant numbers held under it (U-16).
 */
export default async function AgencyExemptionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = (await requireRoute("/exemptions/[id]"))!;
  const { id } = await params;
  const sp = await searchParams;
  const r = await exemptionRequest(db(), user, id);
  if (!r) notFound();
  const t = await getTranslations("Exemptions");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "America/New_York" });
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const { reviewer } = exemptionSettings();
  const steps = nextSteps(r.status, user.role, reviewer, r.appealDecidedAt !== null);
  const question = r.status === "INFORMATION_REQUESTED" ? r.events.findLast((e) => e.toStatus === "INFORMATION_REQUESTED") : undefined;
  const done = AGENCY_DONE.find((d) => d === sp.done);
  const hasLetter = !!r.decidedAt && (LETTER_STATUSES as readonly string[]).includes(r.status);
  return (
    <div className="grid-container">
      <h1>{t("detailHeading", { reference: r.reference })}</h1>
      {done && (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status" data-testid="done">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t(done)}</p>
          </div>
        </div>
      )}
      {sp.filed === "1" && (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t("filed")}</p>
          </div>
        </div>
      )}
      <InterimNotice status={r.status} />
      {r.status === "GRANTED" && r.termEndsOn && r.purgeOn && (
        <div className="usa-alert usa-alert--success usa-alert--slim" data-testid="grant-notice">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t("grantInForce", { term: day(r.termEndsOn), purge: day(r.purgeOn) })}</p>
          </div>
        </div>
      )}
      <dl className="acp-facts">
        <dt>{t("colReference")}</dt>
        <dd>{r.reference}</dd>
        <dt>{t("colAgency")}</dt>
        <dd>{r.organisation.name}</dd>
        <dt>{t("colStatus")}</dt>
        <dd data-testid="exemption-status">{t(`status.${r.status}`)}</dd>
        <dt>{t("colReceived")}</dt>
        <dd>{when(r.submittedAt)}</dd>
        {r.decidedAt && (
          <>
            <dt>{t("decidedOn")}</dt>
            <dd>{when(r.decidedAt)}</dd>
          </>
        )}
      </dl>
      {hasLetter && (
        <p>
          <a href={`/exemptions/${r.id}/letter`} data-testid="letter-link">
            {t("letterLink")}
          </a>
        </p>
      )}

      {question && (
        <section aria-labelledby="question-heading" className="usa-summary-box" data-testid="open-question">
          <div className="usa-summary-box__body">
            <h2 id="question-heading" className="usa-summary-box__heading">
              {t("questionTitle")}
            </h2>
            <div className="usa-summary-box__text" style={PRE}>
              {question.note}
            </div>
          </div>
        </section>
      )}
      {steps.includes("UNDER_REVIEW") && (
        <NoteForm
          action={answerAction}
          requestId={r.id}
          name="note"
          id="answer"
          title={t("answer.title")}
          label={t("answer.label")}
          hint={t("answer.hint")}
          submit={t("answer.submit")}
          filesLabel={t("form.files")}
          filesHint={t("form.filesHint")}
        />
      )}
      {r.status === "GRANTED" && <ReportForm requestId={r.id} />}
      {steps.includes("APPEALED") && (
        <NoteForm
          action={appealAction}
          requestId={r.id}
          name="reasons"
          id="appeal"
          title={t("appeal.title")}
          intro={t("appeal.intro")}
          label={t("appeal.label")}
          hint={t("appeal.hint")}
          submit={t("appeal.submit")}
        />
      )}

      <RequestDetails request={r} audience="agency" />
    </div>
  );
}
