import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ApplicationWizard } from "@/components/application/ApplicationWizard";
import { EvidencePanel } from "@/components/application/EvidencePanel";
import { requireRoute } from "@/lib/auth/guard";
import { readDraft } from "@/lib/applications/drafts";
import { EVIDENCE_KINDS_BY_TRACK, evidenceProblems } from "@/lib/applications/evidence-rules";
import { validateStep } from "@/lib/applications/form-schema";
import { STEP_IDS, type StepId } from "@/lib/applications/form-definition";
import { filedApplication } from "@/lib/applications/queries";
import { AFFIRMATION_VERSION, COLLECTION_NOTICE_VERSION } from "@/lib/config/program";
import { db } from "@/lib/db";

export async function generateMetadata({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<Metadata> {
  // Never a name in the title (it lands in browser history); the step name tells where one is.
  const t = await getTranslations("Applications");
  const w = await getTranslations("Wizard");
  const step = (await searchParams).step;
  return { title: typeof step === "string" && (STEP_IDS as readonly string[]).includes(step) ? t("stepTitle", { step: w(`steps.${step as StepId}`) }) : t("detailTitle") };
}

export default async function ApplicationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = (await requireRoute("/applications/[id]"))!;
  const { id } = await params;
  const sp = await searchParams;
  const app = await filedApplication(db(), user, id);
  if (!app) notFound();
  const t = await getTranslations("Applications");
  const format = await getFormatter();
  const evidence = app.evidence.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() }));

  if (app.status === "DRAFT" && !app.heldByUserId) {
    const { values } = await readDraft(db(), user, id);
    const requested = typeof sp.step === "string" && (STEP_IDS as readonly string[]).includes(sp.step) ? (sp.step as StepId) : (app.currentStep as StepId);
    // After a refused submission (?check=1) the step opens with the server's own findings shown.
    let initialErrors: Record<string, string> | undefined;
    if (sp.check === "1") {
      initialErrors = validateStep(requested, app.track, values);
      if (requested === "evidence") {
        const problem = evidenceProblems(app.track, values, app.evidence);
        if (problem) initialErrors = { evidence: problem };
      }
    }
    return (
      <div className="grid-container">
        <h1>{t("wizardTitle", { reference: app.reference })}</h1>
        <ApplicationWizard
          key={`${requested}${sp.check === "1" ? "-check" : ""}`}
          initialErrors={initialErrors}
          applicationId={app.id}
          track={app.track}
          step={requested}
          initialValues={values}
          evidence={evidence}
          evidenceKinds={[...EVIDENCE_KINDS_BY_TRACK[app.track]]}
          noticeVersion={COLLECTION_NOTICE_VERSION}
          affirmationVersion={AFFIRMATION_VERSION}
        />
      </div>
    );
  }

  const openRequests = app.documentRequests.filter((r) => !r.answeredAt);
  return (
    <div className="grid-container">
      <h1>{t("detailTitle")}</h1>
      {sp.submitted === "1" && (
        <div className="usa-alert usa-alert--success usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t("submitted")}</p>
          </div>
        </div>
      )}
      <dl className="acp-facts">
        <dt>{t("colReference")}</dt>
        <dd>{app.reference}</dd>
        <dt>{t("colStatus")}</dt>
        <dd data-testid="application-status">{t(`status.${app.status}`)}</dd>
        {app.submittedAt && (
          <>
            <dt>{t("submittedOn")}</dt>
            <dd>{format.dateTime(app.submittedAt, { dateStyle: "long", timeZone: "America/New_York" })}</dd>
          </>
        )}
      </dl>
      <p>{t("statusOnly")}</p>
      {app.heldByUserId && app.status === "DRAFT" && <p>{t("held")}</p>}
      {app.status === "AWAITING_DOCUMENTS" && (
        <section aria-labelledby="requested">
          <h2 id="requested">{t("requestedTitle")}</h2>
          {openRequests.length ? (
            <ul>
              {openRequests.flatMap((r) => r.documents).map((d, i) => (
                <li key={i}>{t(`documents.${d as "IDENTITY"}`)}</li>
              ))}
            </ul>
          ) : (
            <p>{t("requestAnswered")}</p>
          )}
          <EvidencePanel applicationId={app.id} evidence={evidence} kinds={[...EVIDENCE_KINDS_BY_TRACK[app.track]]} editable={false} />
        </section>
      )}
    </div>
  );
}
