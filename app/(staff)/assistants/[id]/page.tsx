import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ASSISTANT_TRANSITIONS, needsProgramManager, needsReason, needsTrainingDate } from "@/lib/assistants/status";
import { requireRoute } from "@/lib/auth/guard";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { StepForm, type StepLabel } from "./StepForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Assistants"))("recordTitle") };
}

export default async function AssistantPage({ params }: { params: Promise<{ id: string }> }) {
  const user = (await requireRoute("/assistants/[id]"))!;
  const { id } = await params;
  const a = await db().applicationAssistant.findUnique({
    where: { id },
    include: { organisation: { select: { name: true } }, statusChanges: { orderBy: { at: "asc" } } },
  });
  if (!a) notFound();
  const t = await getTranslations("Assistants");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const mayManage = can(user, "assistant:manage");
  const steps = ASSISTANT_TRANSITIONS[a.status].filter((to) => !needsProgramManager(to) || user.role === "PROGRAM_MANAGER");
  const label = (to: (typeof steps)[number]): StepLabel => {
    if (to === "REGISTERED" && (a.status === "REGISTERED" || a.status === "EXPIRED")) return "REGISTERED_RENEW";
    if (to === "REGISTERED" && a.status === "SUSPENDED") return "REGISTERED_REINSTATE";
    return to as StepLabel; // DESIGNATED is never a next step
  };
  return (
    <div className="grid-container">
      <h1>{t("recordTitle")}</h1>
      <dl className="acp-facts">
        <dt>{t("colName")}</dt>
        <dd>{a.displayName}</dd>
        <dt>{t("colEmployer")}</dt>
        <dd>{a.organisation.name}</dd>
        <dt>{t("colStatus")}</dt>
        <dd>{t(`status.${a.status}`)}</dd>
        <dt>{t("colNumber")}</dt>
        <dd>{a.registrationNumber ?? t("none")}</dd>
        <dt>{t("colExpires")}</dt>
        <dd>{a.registrationExpiresOn ? day(a.registrationExpiresOn) : t("none")}</dd>
      </dl>
      <h2>{t("historyHeading")}</h2>
      <table className="usa-table usa-table--borderless acp-table">
        <thead>
          <tr>
            <th scope="col">{t("colWhen")}</th>
            <th scope="col">{t("colStep")}</th>
            <th scope="col">{t("colReason")}</th>
          </tr>
        </thead>
        <tbody>
          {a.statusChanges.map((c) => (
            <tr key={c.id}>
              <td>{format.dateTime(c.at, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td>{t(`status.${c.toStatus}`)}</td>
              <td>{[c.reason, c.trainedOn ? day(c.trainedOn) : null].filter(Boolean).join(" · ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mayManage && (
        <>
          <h2>{t("nextHeading")}</h2>
          {a.status === "REVOKED" && <p>{t("noNext")}</p>}
          {user.role !== "PROGRAM_MANAGER" && ASSISTANT_TRANSITIONS[a.status].some(needsProgramManager) && <p>{t("pmOnly")}</p>}
          {steps.map((to) => (
            <StepForm key={`${to}-${a.status}`} assistantId={a.id} to={to} label={label(to)} reason={needsReason(to)} trainingDate={needsTrainingDate(a.status, to)} />
          ))}
        </>
      )}
    </div>
  );
}
